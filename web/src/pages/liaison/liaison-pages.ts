// One lazily loaded chunk for the 联席办 module (overview, meetings, tasks, responsibility letters).
export { LiaisonModule } from './liaison-module.tsx';
