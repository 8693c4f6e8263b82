export const TOKENS_KEY = ['tokens'] as const;
