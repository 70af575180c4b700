export { DataProductContractContent } from './DataProductContractContent';
export type { DataProductContractContentProps } from './DataProductContractContent';
