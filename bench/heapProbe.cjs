// Loaded into the language server with `NODE_OPTIONS=--require` by the memory benchmark: on
// SIGUSR2 it collects garbage and writes the heap in use to stderr, where the benchmark reads it.
'use strict';
const v8 = require('node:v8');
const vm = require('node:vm');

v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc');
process.on('SIGUSR2', () => {
  for (let i = 0; i < 3; i++) collect();
  process.stderr.write(`HEAP_USED ${process.memoryUsage().heapUsed}\n`);
});
