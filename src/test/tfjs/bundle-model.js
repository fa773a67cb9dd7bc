// Writes nsfwjs's MobileNetV2 in TF.js's standard layers-model format (model.json + one .bin shard),
// unchanged (the same topology and uint8-quantised weights), for the project to ship under data/models.
//   cd src/test/tfjs && npm install && node bundle-model.js ../../../data/models/mobilenet-v2
const fs = require('fs');
const path = require('path');

const out = process.argv[2];
if (!out) { console.error('usage: node bundle-model.js OUT_DIR'); process.exit(2); }
const dir = path.join(__dirname, 'node_modules', 'nsfwjs', 'dist', 'models', 'mobilenet_v2');
const model = require(path.join(dir, 'model.min.js'));
const group = model.weightsManifest[0];
const data = Buffer.concat(group.paths.map(p => Buffer.from(require(path.join(dir, p + '.min.js')), 'base64')));
fs.mkdirSync(out, { recursive: true });
const shard = 'group1-shard1of1.bin';
fs.writeFileSync(path.join(out, shard), data);
const json = {
  format: 'layers-model',
  generatedBy: 'keras ' + model.modelTopology.keras_version,
  convertedBy: 'nsfwjs 4.4.0 dist/models/mobilenet_v2, repacked by src/test/tfjs/bundle-model.js',
  modelTopology: model.modelTopology,
  weightsManifest: [{ paths: [shard], weights: group.weights }],
};
fs.writeFileSync(path.join(out, 'model.json'), JSON.stringify(json));
console.log('wrote', out, data.length, 'bytes of weights');
