import { defineE2eSuite } from './suite/e2e-suite';

defineE2eSuite('1.123.81');
