import { checkIdNumber, idCheckChar } from '../lib/id-number.ts';
import { isMobilePhone, MOBILE_PREFIX_LIST } from '../lib/phone.ts';
import type { Rng } from './random.ts';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红兰建国文辉力鹏飞宇浩然欣怡子涵梓轩雨泽晨阳佳琪思远志强海燕春梅晓东丹丹';

export function personName(rng: Rng): string {
  const surname = rng.pick(Array.from(SURNAMES));
  const given = Array.from(GIVEN);
  return rng.next() < 0.6 ? surname + rng.pick(given) + rng.pick(given) : surname + rng.pick(given);
}

/** A mobile number on an allocated prefix; checked with the same validator as real input. */
export function mobilePhone(rng: Rng): string {
  const phone = rng.pick(MOBILE_PREFIX_LIST) + rng.digits(8);
  if (!isMobilePhone(phone)) throw new Error(`generated phone ${phone} fails validation`);
  return phone;
}

/** A resident ID number born in the region, with a correct GB 11643 check character. */
export function idNumber(rng: Rng, regionCode: string, birth: { from: number; to: number }, today: Date): string {
  const year = rng.int(birth.from, birth.to);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const body = `${regionCode}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${rng.digits(3)}`;
  const id = body + idCheckChar(body);
  const problem = checkIdNumber(id, today);
  if (problem) throw new Error(`generated ID number ${id} fails validation (${problem})`);
  return id;
}
