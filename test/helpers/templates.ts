export const DEMO_PASSWORD = 'Demo-test-2024';

export type TemplateInfo =
  | { kind: 'pglite'; empty: string; demo: string }
  | { kind: 'postgres'; url: string; empty: string; demo: string };

declare module 'vitest' {
  export interface ProvidedContext {
    fzTemplates: TemplateInfo;
  }
}
