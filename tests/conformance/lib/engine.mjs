// The resource RPCs as the engine sends them (fact sheet §4), one helper per call.
import { providerPb, toStruct, fromStruct, urn, Empty } from './harness.mjs';

export function engine(plugin) {
  const tok = (type) => `bird:index:${type}`;
  return {
    async check(type, name, news, olds = {}) {
      const req = new providerPb.CheckRequest();
      req.setUrn(urn(tok(type), name));
      req.setType(tok(type));
      req.setName(name);
      req.setOlds(toStruct(olds));
      req.setNews(toStruct(news));
      req.setRandomseed(new Uint8Array(32));
      const res = await plugin.call('check', req);
      return {
        inputs: fromStruct(res.getInputs()),
        failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(type, name, id, olds, oldInputs, news, ignoreChanges = []) {
      const req = new providerPb.DiffRequest();
      req.setId(id);
      req.setUrn(urn(tok(type), name));
      req.setType(tok(type));
      req.setName(name);
      req.setOlds(toStruct(olds));
      req.setOldInputs(toStruct(oldInputs));
      req.setNews(toStruct(news));
      req.setIgnorechangesList(ignoreChanges);
      const res = await plugin.call('diff', req);
      const detailed = {};
      res.getDetaileddiffMap().forEach((v, k) => { detailed[k] = { kind: v.getKind(), inputDiff: v.getInputdiff() }; });
      return {
        changes: res.getChanges(),
        replaces: res.getReplacesList(),
        stables: res.getStablesList(),
        diffs: res.getDiffsList(),
        deleteBeforeReplace: res.getDeletebeforereplace(),
        hasDetailedDiff: res.getHasdetaileddiff(),
        detailed,
      };
    },
    async create(type, name, properties, preview = false) {
      const req = new providerPb.CreateRequest();
      req.setUrn(urn(tok(type), name));
      req.setType(tok(type));
      req.setName(name);
      req.setProperties(toStruct(properties));
      req.setPreview(preview);
      const res = await plugin.call('create', req);
      return { id: res.getId(), properties: fromStruct(res.getProperties()) };
    },
    // Engine-style: type only in the URN (older engines leave `type` empty) to prove URN dispatch.
    async read(type, name, id, properties, inputs) {
      const req = new providerPb.ReadRequest();
      req.setId(id);
      req.setUrn(urn(tok(type), name));
      if (properties) req.setProperties(toStruct(properties));
      if (inputs) req.setInputs(toStruct(inputs));
      const res = await plugin.call('read', req);
      return { id: res.getId(), properties: fromStruct(res.getProperties()), inputs: fromStruct(res.getInputs()) };
    },
    async update(type, name, id, olds, oldInputs, news, preview = false) {
      const req = new providerPb.UpdateRequest();
      req.setId(id);
      req.setUrn(urn(tok(type), name));
      req.setType(tok(type));
      req.setName(name);
      req.setOlds(toStruct(olds));
      req.setOldInputs(toStruct(oldInputs));
      req.setNews(toStruct(news));
      req.setPreview(preview);
      const res = await plugin.call('update', req);
      return { properties: fromStruct(res.getProperties()) };
    },
    async delete(type, name, id, properties, oldInputs) {
      const req = new providerPb.DeleteRequest();
      req.setId(id);
      req.setUrn(urn(tok(type), name));
      req.setType(tok(type));
      req.setName(name);
      req.setProperties(toStruct(properties));
      req.setOldInputs(toStruct(oldInputs));
      return plugin.call('delete', req);
    },
    cancel: () => plugin.call('cancel', new Empty()),
  };
}

export const DIFF = providerPb.DiffResponse.DiffChanges;
export const KIND = providerPb.PropertyDiff.Kind;
