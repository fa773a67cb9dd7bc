// Reference activations from TensorFlow.js itself, for the importer's tests (TfjsModelTest).
//   cd src/test/tfjs && npm install && node make-fixtures.js
// For each model: a fixed synthetic input (the formula is repeated in the Java test), the output of
// several layers, stored compactly as each layer's shape, per-channel means and values at fixed
// positions. Writes ../resources/tfjs/<model>.json.
const tf = require('@tensorflow/tfjs');
const fs = require('fs');
const path = require('path');

const MODELS = {
  mobilenet_v2: ['Conv1_relu', 'expanded_conv_project_BN', 'block_1_expand_relu', 'block_2_add', 'block_3_depthwise_relu',
    'block_6_expand_relu', 'block_6_project_BN', 'block_9_add', 'block_13_expand_relu', 'block_13_depthwise_relu',
    'block_16_project_BN', 'out_relu', 'average_pooling2d_1', 'dense_3'],
  inception_v3: ['activation_1', 'max_pooling2d_1', 'mixed0', 'mixed2', 'mixed4', 'mixed5', 'mixed7', 'mixed9_0', 'mixed10', 'dense_3'],
};
const SAMPLES = 64;

function bundle(name) {
  const dir = path.join(path.join(__dirname, 'node_modules', 'nsfwjs'), 'dist', 'models', name);
  const model = require(path.join(dir, 'model.min.js'));
  const group = model.weightsManifest[0];
  const bytes = group.paths.map(p => Buffer.from(require(path.join(dir, p + '.min.js')), 'base64'));
  return { model, data: Buffer.concat(bytes) };
}

// the same formula as TfjsModelTest.syntheticInput: values in 0..1, varied across rows, columns and channels
function syntheticInput(h, w, c) {
  const x = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++) for (let xx = 0; xx < w; xx++) for (let ch = 0; ch < c; ch++) {
    x[(y * w + xx) * c + ch] = 0.5 + 0.5 * Math.sin(0.11 * y + 0.07 * xx + 1.3 * ch) * Math.cos(0.05 * y * (ch + 1) - 0.03 * xx);
  }
  return x;
}

// deterministic positions (a 31-bit LCG), the same in the Java test
function positions(n, count) {
  const out = [];
  let s = 12345;
  for (let i = 0; i < count; i++) { s = (s * 1103515245 + 12345) % 2147483648; out.push(s % n); }
  return out;
}

// A small model of a user's own, saved the way TF.js (and Teachable Machine) saves one: a Sequential
// holding a nested Sequential, float32 weights drawn from a seeded generator.
async function userModel() {
  let seed = 7;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const inner = tf.sequential({ name: 'backbone', layers: [
    tf.layers.conv2d({ inputShape: [32, 32, 3], filters: 8, kernelSize: 3, strides: 2, padding: 'same', useBias: false, name: 'conv_a' }),
    tf.layers.batchNormalization({ name: 'bn_a' }),
    tf.layers.reLU({ maxValue: 6, name: 'relu_a' }),
    tf.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', name: 'dw_b' }),
    tf.layers.activation({ activation: 'relu', name: 'act_b' }),
    tf.layers.zeroPadding2d({ padding: [[1, 0], [0, 1]], name: 'pad_c' }),
    tf.layers.conv2d({ filters: 20, kernelSize: [1, 3], strides: 1, padding: 'valid', activation: 'relu', name: 'conv_c' }),
    tf.layers.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same', name: 'avg_d' }),
    tf.layers.maxPooling2d({ poolSize: 2, name: 'max_e' }),
    tf.layers.globalAveragePooling2d({ name: 'gap_f' }),
  ] });
  const model = tf.sequential({ name: 'classifier', layers: [
    inner,
    tf.layers.dense({ units: 6, activation: 'relu', name: 'dense_g' }),
    tf.layers.dropout({ rate: 0.5, name: 'drop_h' }),
    tf.layers.dense({ units: 3, activation: 'softmax', name: 'dense_i' }),
  ] });
  model.setWeights(model.getWeights().map(w => {
    const v = new Float32Array(w.size);
    const variance = w.name && w.name.includes('moving_variance');
    for (let i = 0; i < v.length; i++) v[i] = variance ? 0.5 + rand() : rand() * 2 - 1;
    return tf.tensor(v, w.shape);
  }));
  const dir = path.join(__dirname, '..', 'resources', 'tfjs', 'user-model');
  fs.mkdirSync(dir, { recursive: true });
  await model.save(tf.io.withSaveHandler(async a => {
    fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.from(a.weightData));
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ format: 'layers-model', generatedBy: 'TensorFlow.js tfjs-layers v' + tf.version.tfjs,
      modelTopology: a.modelTopology, weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }] }));
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  const input = tf.tensor4d(syntheticInput(32, 32, 3), [1, 32, 32, 3]);
  const hidden = tf.model({ inputs: model.inputs, outputs: model.getLayer('dense_g').output });
  const result = { model: 'user-model', tfjs: tf.version.tfjs, input: [32, 32, 3],
    outputs: { dense_g: Array.from(await hidden.predict(input).data()), dense_i: Array.from(await model.predict(input).data()) } };
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify(result));
  console.log('wrote', dir);
}

async function main() {
  await userModel();
  for (const [name, layers] of Object.entries(MODELS)) {
    const { model, data } = bundle(name);
    const ab = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    const m = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: model.modelTopology, weightSpecs: model.weightsManifest[0].weights, weightData: ab }));
    const [, h, w, c] = m.inputs[0].shape;
    const input = tf.tensor4d(syntheticInput(h, w, c), [1, h, w, c]);
    const taps = tf.model({ inputs: m.inputs, outputs: layers.map(l => m.getLayer(l).output) });
    const outs = taps.predict(input);
    const result = { model: name, tfjs: tf.version.tfjs, input: [h, w, c], layers: {} };
    for (let i = 0; i < layers.length; i++) {
      const t = outs[i];
      const shape = t.shape.slice(1);
      const v = await t.data();
      const ch = shape[shape.length - 1], n = v.length;
      const means = new Array(ch).fill(0);
      for (let j = 0; j < n; j++) means[j % ch] += v[j];
      for (let j = 0; j < ch; j++) means[j] /= n / ch;
      const idx = positions(n, SAMPLES);
      let maxAbs = 0;
      for (let j = 0; j < n; j++) maxAbs = Math.max(maxAbs, Math.abs(v[j]));
      result.layers[layers[i]] = { shape, maxAbs, means, positions: idx, values: idx.map(j => v[j]) };
    }
    const file = path.join(__dirname, '..', 'resources', 'tfjs', name + '.json');
    fs.writeFileSync(file, JSON.stringify(result));
    console.log('wrote', file, layers.length, 'layers');
  }
}
main().catch(e => { console.error(e); process.exit(1); });
