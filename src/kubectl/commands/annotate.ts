/** `kubectl annotate`: the same machinery as `kubectl label`, on metadata.annotations. */
import { annotateCommand } from './label';

export const command = annotateCommand;
