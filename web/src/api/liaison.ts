import { request } from './client.ts';

// The 联席办 API (src/modules/liaison/liaison.routes.ts). The routes keep their schemas private, so their
// shapes are written out here after them.

export interface UnitRef {
  code: string;
  name: string;
}

export interface TaskDto {
  id: number;
  /** The meeting whose decision it is (null: assigned outside a meeting). */
  meetingId: number | null;
  meetingNo: string | null;
  title: string;
  detail: string | null;
  ownerCode: string;
  ownerName: string;
  /** The convening unit. */
  fromName: string;
  createdAt: string;
  dueAt: string;
  /** Past its deadline without a reply. */
  overdue: boolean;
  /** When owner and convening unit were told it is overdue (once). */
  remindedAt: string | null;
  replyText: string | null;
  repliedAt: string | null;
  repliedBy: string | null;
}

export interface MeetingDto {
  id: number;
  meetingNo: string;
  heldAt: string;
  title: string;
  minutes: string;
  attendees: UnitRef[];
  tasks: TaskDto[];
}

export interface MeetingRowDto {
  id: number;
  meetingNo: string;
  heldAt: string;
  title: string;
  /** Tasks decided, and how many are answered. */
  tasks: number;
  done: number;
}

export interface DecisionBody {
  title: string;
  detail?: string | undefined;
  ownerCode: string;
  /** ISO time with offset, in the future. */
  dueAt: string;
}

export interface MeetingBody {
  heldAt: string;
  title: string;
  attendeeCodes: string[];
  minutes: string;
  decisions: DecisionBody[];
}

export interface TaskQuery {
  /** true: unanswered; false: answered. */
  open?: 'true' | 'false' | undefined;
  overdue?: 'true' | undefined;
  ownerCode?: string | undefined;
  limit: number;
}

export interface TaskListDto {
  items: TaskDto[];
  /** Of every task the caller sees, whatever the filter. */
  total: number;
  open: number;
  overdue: number;
}

export interface LetterItem {
  item: string;
  measure: string;
}

export interface LetterDto {
  id: number;
  orgCode: string;
  orgName: string;
  year: number;
  title: string;
  items: LetterItem[];
  /** YYYY-MM-DD; null until signed. */
  signedOn: string | null;
  signedBy: string | null;
}

export interface LettersDto {
  year: number;
  signed: number;
  total: number;
  items: LetterDto[];
}

export interface LetterBody {
  orgCode: string;
  year: number;
  title: string;
  items: LetterItem[];
}

export interface UnitTasksDto extends UnitRef {
  total: number;
  open: number;
  overdue: number;
  done: number;
}

export interface OverviewDto {
  memberUnits: number;
  tasks: { total: number; open: number; overdue: number };
  /** Per owner unit, the most overdue first. */
  units: UnitTasksDto[];
  /** The 断卡 notices (提示函) sent and answered. */
  notices: { sent: number; replied: number };
  letters: { year: number; signed: number; total: number };
}

export const fetchOverview = (year?: number): Promise<OverviewDto> => request('GET', '/api/v1/liaison/overview', { query: { year } });

/** Newest first; a partner gets none (meetings are the center's). */
export const listMeetings = async (limit: number): Promise<MeetingRowDto[]> => (await request<{ items: MeetingRowDto[] }>('GET', '/api/v1/liaison/meetings', { query: { limit } })).items;

export const getMeeting = (id: number): Promise<MeetingDto> => request('GET', `/api/v1/liaison/meetings/${id}`);

/** 201; each owner unit is told of its task. */
export const recordMeeting = (body: MeetingBody): Promise<MeetingDto> => request('POST', '/api/v1/liaison/meetings', { body });

/** By deadline. */
export const listTasks = (q: TaskQuery): Promise<TaskListDto> => request('GET', '/api/v1/liaison/tasks', { query: { ...q } });

export const getTask = (id: number): Promise<TaskDto> => request('GET', `/api/v1/liaison/tasks/${id}`);

/** Once, by the owner unit (409 when answered already, 404 for another unit's task). */
export const replyTask = (id: number, text: string): Promise<TaskDto> => request('POST', `/api/v1/liaison/tasks/${id}/reply`, { body: { text } });

export const fetchLetters = (year: number): Promise<LettersDto> => request('GET', '/api/v1/liaison/letters', { query: { year } });

/** Sends (or, while unsigned, replaces) a unit's letter of a year; 409 once signed. */
export const putLetter = (body: LetterBody): Promise<LettersDto> => request('PUT', '/api/v1/liaison/letters', { body });

/** signedOn YYYY-MM-DD, not in the future; 409 when signed already. */
export const signLetter = (id: number, signedOn: string): Promise<LettersDto> => request('POST', `/api/v1/liaison/letters/${id}/sign`, { body: { signedOn } });
