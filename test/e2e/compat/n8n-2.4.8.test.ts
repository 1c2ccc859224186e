import { defineCompatSuite } from './compat-suite';

defineCompatSuite('2.4.8');
