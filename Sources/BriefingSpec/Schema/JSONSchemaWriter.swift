import BriefingCore

// MARK: - Writing a shape as JSON Schema

/// Writes a `SchemaShape` as a JSON Schema (draft-07, which editors' YAML support reads best),
/// pretty-printed with keys in the loader's order, so the same shape gives the same bytes.
/// Mappings with allowed keys get `additionalProperties: false`, as the loader reports unknown
/// keys; `describe` gives the documentation of a mapping (key nil) or of one key.
public struct JSONSchemaWriter {
  /// Documentation for the mapping at a schema path (`sections[].components[]`), in one variant
  /// of it (`rankedBar`) or none, and for one of its keys or the mapping itself (nil).
  public typealias Describe = (_ path: String, _ variant: String?, _ key: String?) -> String?

  let describe: Describe

  public init(describe: @escaping Describe) {
    self.describe = describe
  }

  /// The schema document for a file of shape `shape`.
  public func document(_ shape: SchemaShape, id: String, title: String) -> String {
    var root: [(String, JSON)] = [
      ("$schema", .string("http://json-schema.org/draft-07/schema#")),
      ("$id", .string(id)),
      ("title", .string(title)),
    ]
    if case .object(let fields) = node(shape, path: "") { root += fields }
    return JSON.object(root).text(indent: "") + "\n"
  }

  // MARK: - Nodes

  private func node(_ shape: SchemaShape, path: String, variant: String? = nil) -> JSON {
    switch shape {
    case .text:
      return .object([("type", .array([.string("string"), .string("number"), .string("boolean")]))])
    case .integer(let range):
      var fields: [(String, JSON)] = [("type", .string("integer")), ("minimum", .number(Double(range.lowerBound)))]
      if range.upperBound != Int.max { fields.append(("maximum", .number(Double(range.upperBound)))) }
      return .object(fields)
    case .number(let range):
      var fields: [(String, JSON)] = [("type", .string("number"))]
      if range.lowerBound > -Double.greatestFiniteMagnitude { fields.append(("minimum", .number(range.lowerBound))) }
      if range.upperBound < Double.greatestFiniteMagnitude { fields.append(("maximum", .number(range.upperBound))) }
      return .object(fields)
    case .boolean:
      return .object([("type", .string("boolean"))])
    case .choice(let words):
      return .object([("enum", .array(words.map(JSON.string)))])
    case .list(let element):
      let items = node(element, path: path + "[]")
      let array = JSON.object([("type", .string("array")), ("items", items)])
      switch element {
      case .object, .variants, .freeMapping: return array
      default: return .object([("anyOf", .array([items, array]))])
      }
    case .object(let object):
      return objectNode(object, path: path, variant: variant)
    case .variants(let key, let objects, let order):
      let cases: [JSON] = order.compactMap { word in
        guard let object = objects[word] else { return nil }
        let condition = JSON.object([
          ("properties", .object([(key, .object([("const", .string(word))]))])), ("required", .array([.string(key)])),
        ])
        return .object([("if", condition), ("then", objectNode(object, path: path, variant: word))])
      }
      var fields: [(String, JSON)] = [("type", .string("object"))]
      if let text = describe(path, nil, nil) { fields.append(("description", .string(text))) }
      fields += [
        ("required", .array([.string(key)])),
        ("properties", .object([(key, described(.object([("enum", .array(order.map(JSON.string)))]), path, nil, key))])),
        ("allOf", .array(cases)),
      ]
      return .object(fields)
    case .freeMapping:
      return .object([("type", .string("object"))])
    case .either(let shapes):
      return .object([("anyOf", .array(shapes.map { node($0, path: path, variant: variant) }))])
    }
  }

  private func objectNode(_ object: SchemaObject, path: String, variant: String?) -> JSON {
    var fields: [(String, JSON)] = [("type", .string("object"))]
    if let text = describe(path, variant, nil) { fields.append(("description", .string(text))) }
    let properties = object.keys.map { key in
      let childPath = path.isEmpty ? key.name : path + "." + key.name
      return (key.name, described(node(key.shape, path: childPath), path, variant, key.name))
    }
    fields.append(("properties", .object(properties)))
    if !object.required.isEmpty { fields.append(("required", .array(object.required.map(JSON.string)))) }
    fields.append(("additionalProperties", .bool(false)))
    return .object(fields)
  }

  /// `node` with the key's description first.
  private func described(_ node: JSON, _ path: String, _ variant: String?, _ key: String) -> JSON {
    guard let text = describe(path, variant, key), case .object(let fields) = node else { return node }
    return .object([("description", .string(text))] + fields.filter { $0.0 != "description" })
  }
}

// MARK: - JSON text

/// Ordered JSON values and their pretty-printed text (two-space indent, short arrays of scalars
/// on one line).
indirect enum JSON {
  case object([(String, JSON)])
  case array([JSON])
  case string(String)
  case number(Double)
  case bool(Bool)

  func text(indent: String) -> String {
    let inner = indent + "  "
    switch self {
    case .string(let text): return Self.quoted(text)
    case .bool(let value): return value ? "true" : "false"
    case .number(let value):
      return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .array(let items):
      if items.isEmpty { return "[]" }
      let scalars = items.allSatisfy { if case .object = $0 { false } else if case .array = $0 { false } else { true } }
      if scalars { return "[" + items.map { $0.text(indent: inner) }.joined(separator: ", ") + "]" }
      return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
    case .object(let fields):
      if fields.isEmpty { return "{}" }
      return "{\n" + fields.map { inner + Self.quoted($0.0) + ": " + $0.1.text(indent: inner) }.joined(separator: ",\n")
        + "\n" + indent + "}"
    }
  }

  static func quoted(_ text: String) -> String {
    TextEscaping.jsonQuoted(text)
  }
}
