// One lazily loaded chunk for the key-persons module (files, the reduction rate, a person's file).
export { PersonsModule } from './persons-module.tsx';
