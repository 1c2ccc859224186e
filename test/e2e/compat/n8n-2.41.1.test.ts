import { defineCompatSuite } from './compat-suite';

defineCompatSuite('2.41.1');
