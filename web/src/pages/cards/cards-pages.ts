// One lazily loaded chunk for the 断卡 module: the leads queue and batch intake, joint punishments with
// their notices and appeals, the opener ranking and the partners' checks.
export { CardsModule } from './cards-module.tsx';
