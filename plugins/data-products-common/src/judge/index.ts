export {
  dataProductJudge,
  judgeDataProduct,
  schemaFinding,
} from './judgeDataProduct';
export type { DataProductJudge, Judgement } from './judgeDataProduct';
export { prepareDataProduct } from './prepareDataProduct';
export type { PreparedDataProduct } from './prepareDataProduct';
export { dependentsOf, supersededRefOf } from './ruleContext';
