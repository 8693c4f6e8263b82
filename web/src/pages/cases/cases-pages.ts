// One lazily loaded chunk for the cases module (list, hotline intake, case file with its stop-payments);
// the trace graph (ECharts) is a further chunk loaded only when its tab opens.
export { CasesModule } from './cases-module.tsx';
