/**
 * antd's preset green, gold and orange tag texts fall short of 4.5:1 on their backgrounds:
 * solid darker colours with white text reach it (axe-core checks each screen). Every status tag
 * of the console takes its colour from here.
 */
export const TAG_COLOURS = {
  settled: '#237804',
  open: '#874d00',
  blocked: '#a8071a',
} as const;
