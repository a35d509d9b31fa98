import { PipelineResolver } from './pipeline.resolver';

export const analyticsResolvers = [PipelineResolver] as const;
