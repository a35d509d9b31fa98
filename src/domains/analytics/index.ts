import { LeadConversionResolver } from './lead-conversion.resolver';
import { PipelineResolver } from './pipeline.resolver';
import { SalesPerformanceResolver } from './sales-performance.resolver';

export const analyticsResolvers = [
  PipelineResolver,
  SalesPerformanceResolver,
  LeadConversionResolver,
] as const;
