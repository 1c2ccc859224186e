import { defineE2eSuite } from './suite/e2e-suite';

defineE2eSuite('2.41.1');
