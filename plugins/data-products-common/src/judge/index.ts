export { judgeDataProduct, schemaFinding } from './judgeDataProduct';
export type { Judgement } from './judgeDataProduct';
