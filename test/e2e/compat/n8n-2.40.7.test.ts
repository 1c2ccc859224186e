import { defineCompatSuite } from './compat-suite';

defineCompatSuite('2.40.7');
