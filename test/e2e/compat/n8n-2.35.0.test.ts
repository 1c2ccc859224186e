import { defineCompatSuite } from './compat-suite';

defineCompatSuite('2.35.0');
