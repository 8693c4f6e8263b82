// One lazily loaded chunk for the 统计研判 module (with the ECharts parts it draws with).
export { StatsModule } from './stats-module.tsx';
