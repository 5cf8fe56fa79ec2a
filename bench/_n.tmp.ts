import { readFileSync } from 'node:fs';
import { normalisedString } from '../src/parse/normalise/text';
console.log(normalisedString(readFileSync(process.argv[2], 'utf8')));
