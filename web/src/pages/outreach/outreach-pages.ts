// One lazily loaded chunk for the 宣传 module (activities, directives with their feedback, coverage).
export { OutreachModule } from './outreach-module.tsx';
