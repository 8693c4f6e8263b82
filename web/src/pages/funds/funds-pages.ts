// One lazily loaded chunk for the funds module: the stop-payment request queue and the bank's answer form.
export { FundsModule } from './funds-module.tsx';
