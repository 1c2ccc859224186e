import { defineCompatSuite } from './compat-suite';

defineCompatSuite('1.85.4');
