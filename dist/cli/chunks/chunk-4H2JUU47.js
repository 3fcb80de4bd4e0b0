#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  loadPromptFile
} from "./chunk-6W2UH7JM.js";
import {
  casesNeeded,
  casesNeededFromSe,
  collectGarbage,
  normalQuantile,
  repeatsNeeded,
  tangoInterval
} from "./chunk-6OGLGLVE.js";
import {
  parseCaseLine,
  toCase
} from "./chunk-FEQYUUYF.js";
import {
  sha256
} from "./chunk-XJB2EXL5.js";
import {
  Hash64Map,
  hash64,
  require_ajv,
  require_applicator,
  require_codegen,
  require_compile,
  require_core,
  require_core2,
  require_dependencies,
  require_discriminator,
  require_draft7,
  require_format,
  require_metadata,
  require_names,
  require_ref,
  require_ref_error,
  require_util,
  require_validate,
  require_validation
} from "./chunk-6IFSKJTY.js";
import {
  require_validation_error
} from "./chunk-SDLTUNJ6.js";
import {
  sha256AndLines
} from "./chunk-6SZRFP6W.js";
import {
  safeNameSchema
} from "./chunk-LXJ4T7MW.js";
import {
  ProviderError
} from "./chunk-YIDI3EDI.js";
import {
  parseYamlSource,
  validateConfig
} from "./chunk-UO2TN4KU.js";
import {
  stableStringify
} from "./chunk-XYQJ7XHL.js";
import {
  defineFormat
} from "./chunk-ID4IIHHH.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";
import {
  VERSION
} from "./chunk-U3RUJJS6.js";
import {
  didYouMean
} from "./chunk-XQ6Z47X5.js";
import {
  ConfigError,
  DataInvalidError,
  ExternalError,
  InputError,
  InternalError
} from "./chunk-LXVW643N.js";
import {
  Template,
  parse,
  tokenize
} from "./chunk-H2E2EDID.js";
import {
  __commonJS,
  __toESM
} from "./chunk-TQEUFEDE.js";

// node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js
var require_dynamicAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicAnchor = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicAnchor",
      schemaType: "string",
      code: (cxt) => dynamicAnchor(cxt, cxt.schema)
    };
    function dynamicAnchor(cxt, anchor) {
      const { gen, it } = cxt;
      it.schemaEnv.root.dynamicAnchors[anchor] = true;
      const v = (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`;
      const validate = it.errSchemaPath === "#" ? it.validateName : _getValidate(cxt);
      gen.if((0, codegen_1._)`!${v}`, () => gen.assign(v, validate));
    }
    exports.dynamicAnchor = dynamicAnchor;
    function _getValidate(cxt) {
      const { schemaEnv, schema: schema5, self } = cxt.it;
      const { root, baseId, localRefs, meta } = schemaEnv.root;
      const { schemaId } = self.opts;
      const sch = new compile_1.SchemaEnv({ schema: schema5, schemaId, root, baseId, localRefs, meta });
      compile_1.compileSchema.call(self, sch);
      return (0, ref_1.getValidate)(cxt, sch);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js
var require_dynamicRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicRef = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicRef",
      schemaType: "string",
      code: (cxt) => dynamicRef(cxt, cxt.schema)
    };
    function dynamicRef(cxt, ref) {
      const { gen, keyword, it } = cxt;
      if (ref[0] !== "#")
        throw new Error(`"${keyword}" only supports hash fragment reference`);
      const anchor = ref.slice(1);
      if (it.allErrors) {
        _dynamicRef();
      } else {
        const valid = gen.let("valid", false);
        _dynamicRef(valid);
        cxt.ok(valid);
      }
      function _dynamicRef(valid) {
        if (it.schemaEnv.root.dynamicAnchors[anchor]) {
          const v = gen.let("_v", (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`);
          gen.if(v, _callRef(v, valid), _callRef(it.validateName, valid));
        } else {
          _callRef(it.validateName, valid)();
        }
      }
      function _callRef(validate, valid) {
        return valid ? () => gen.block(() => {
          (0, ref_1.callRef)(cxt, validate);
          gen.let(valid, true);
        }) : () => (0, ref_1.callRef)(cxt, validate);
      }
    }
    exports.dynamicRef = dynamicRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js
var require_recursiveAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var util_1 = require_util();
    var def = {
      keyword: "$recursiveAnchor",
      schemaType: "boolean",
      code(cxt) {
        if (cxt.schema)
          (0, dynamicAnchor_1.dynamicAnchor)(cxt, "");
        else
          (0, util_1.checkStrictMode)(cxt.it, "$recursiveAnchor: false is ignored");
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js
var require_recursiveRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicRef_1 = require_dynamicRef();
    var def = {
      keyword: "$recursiveRef",
      schemaType: "string",
      code: (cxt) => (0, dynamicRef_1.dynamicRef)(cxt, cxt.schema)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/index.js
var require_dynamic = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var dynamicRef_1 = require_dynamicRef();
    var recursiveAnchor_1 = require_recursiveAnchor();
    var recursiveRef_1 = require_recursiveRef();
    var dynamic = [dynamicAnchor_1.default, dynamicRef_1.default, recursiveAnchor_1.default, recursiveRef_1.default];
    exports.default = dynamic;
  }
});

// node_modules/ajv/dist/vocabularies/validation/dependentRequired.js
var require_dependentRequired = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/dependentRequired.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentRequired",
      type: "object",
      schemaType: "object",
      error: dependencies_1.error,
      code: (cxt) => (0, dependencies_1.validatePropertyDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js
var require_dependentSchemas = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentSchemas",
      type: "object",
      schemaType: "object",
      code: (cxt) => (0, dependencies_1.validateSchemaDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitContains.js
var require_limitContains = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitContains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["maxContains", "minContains"],
      type: "array",
      schemaType: "number",
      code({ keyword, parentSchema, it }) {
        if (parentSchema.contains === void 0) {
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "contains" is ignored`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/next.js
var require_next = __commonJS({
  "node_modules/ajv/dist/vocabularies/next.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependentRequired_1 = require_dependentRequired();
    var dependentSchemas_1 = require_dependentSchemas();
    var limitContains_1 = require_limitContains();
    var next = [dependentRequired_1.default, dependentSchemas_1.default, limitContains_1.default];
    exports.default = next;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js
var require_unevaluatedProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var error = {
      message: "must NOT have unevaluated properties",
      params: ({ params }) => (0, codegen_1._)`{unevaluatedProperty: ${params.unevaluatedProperty}}`
    };
    var def = {
      keyword: "unevaluatedProperties",
      type: "object",
      schemaType: ["boolean", "object"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema: schema5, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, props } = it;
        if (props instanceof codegen_1.Name) {
          gen.if((0, codegen_1._)`${props} !== true`, () => gen.forIn("key", data, (key) => gen.if(unevaluatedDynamic(props, key), () => unevaluatedPropCode(key))));
        } else if (props !== true) {
          gen.forIn("key", data, (key) => props === void 0 ? unevaluatedPropCode(key) : gen.if(unevaluatedStatic(props, key), () => unevaluatedPropCode(key)));
        }
        it.props = true;
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function unevaluatedPropCode(key) {
          if (schema5 === false) {
            cxt.setParams({ unevaluatedProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (!(0, util_1.alwaysValidSchema)(it, schema5)) {
            const valid = gen.name("valid");
            cxt.subschema({
              keyword: "unevaluatedProperties",
              dataProp: key,
              dataPropType: util_1.Type.Str
            }, valid);
            if (!allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          }
        }
        function unevaluatedDynamic(evaluatedProps, key) {
          return (0, codegen_1._)`!${evaluatedProps} || !${evaluatedProps}[${key}]`;
        }
        function unevaluatedStatic(evaluatedProps, key) {
          const ps = [];
          for (const p in evaluatedProps) {
            if (evaluatedProps[p] === true)
              ps.push((0, codegen_1._)`${key} !== ${p}`);
          }
          return (0, codegen_1.and)(...ps);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js
var require_unevaluatedItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "unevaluatedItems",
      type: "array",
      schemaType: ["boolean", "object"],
      error,
      code(cxt) {
        const { gen, schema: schema5, data, it } = cxt;
        const items = it.items || 0;
        if (items === true)
          return;
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        if (schema5 === false) {
          cxt.setParams({ len: items });
          cxt.fail((0, codegen_1._)`${len} > ${items}`);
        } else if (typeof schema5 == "object" && !(0, util_1.alwaysValidSchema)(it, schema5)) {
          const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items}`);
          gen.if((0, codegen_1.not)(valid), () => validateItems(valid, items));
          cxt.ok(valid);
        }
        it.items = true;
        function validateItems(valid, from) {
          gen.forRange("i", from, len, (i) => {
            cxt.subschema({ keyword: "unevaluatedItems", dataProp: i, dataPropType: util_1.Type.Num }, valid);
            if (!it.allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/index.js
var require_unevaluated = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var unevaluatedProperties_1 = require_unevaluatedProperties();
    var unevaluatedItems_1 = require_unevaluatedItems();
    var unevaluated = [unevaluatedProperties_1.default, unevaluatedItems_1.default];
    exports.default = unevaluated;
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/schema.json
var require_schema = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/schema.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/schema",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/core": true,
        "https://json-schema.org/draft/2019-09/vocab/applicator": true,
        "https://json-schema.org/draft/2019-09/vocab/validation": true,
        "https://json-schema.org/draft/2019-09/vocab/meta-data": true,
        "https://json-schema.org/draft/2019-09/vocab/format": false,
        "https://json-schema.org/draft/2019-09/vocab/content": true
      },
      $recursiveAnchor: true,
      title: "Core and Validation specifications meta-schema",
      allOf: [
        { $ref: "meta/core" },
        { $ref: "meta/applicator" },
        { $ref: "meta/validation" },
        { $ref: "meta/meta-data" },
        { $ref: "meta/format" },
        { $ref: "meta/content" }
      ],
      type: ["object", "boolean"],
      properties: {
        definitions: {
          $comment: "While no longer an official keyword as it is replaced by $defs, this keyword is retained in the meta-schema to prevent incompatible extensions as it remains in common use.",
          type: "object",
          additionalProperties: { $recursiveRef: "#" },
          default: {}
        },
        dependencies: {
          $comment: '"dependencies" is no longer a keyword, but schema authors should avoid redefining it to facilitate a smooth transition to "dependentSchemas" and "dependentRequired"',
          type: "object",
          additionalProperties: {
            anyOf: [{ $recursiveRef: "#" }, { $ref: "meta/validation#/$defs/stringArray" }]
          }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/meta/applicator.json
var require_applicator2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/meta/applicator.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/meta/applicator",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/applicator": true
      },
      $recursiveAnchor: true,
      title: "Applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        additionalItems: { $recursiveRef: "#" },
        unevaluatedItems: { $recursiveRef: "#" },
        items: {
          anyOf: [{ $recursiveRef: "#" }, { $ref: "#/$defs/schemaArray" }]
        },
        contains: { $recursiveRef: "#" },
        additionalProperties: { $recursiveRef: "#" },
        unevaluatedProperties: { $recursiveRef: "#" },
        properties: {
          type: "object",
          additionalProperties: { $recursiveRef: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $recursiveRef: "#" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependentSchemas: {
          type: "object",
          additionalProperties: {
            $recursiveRef: "#"
          }
        },
        propertyNames: { $recursiveRef: "#" },
        if: { $recursiveRef: "#" },
        then: { $recursiveRef: "#" },
        else: { $recursiveRef: "#" },
        allOf: { $ref: "#/$defs/schemaArray" },
        anyOf: { $ref: "#/$defs/schemaArray" },
        oneOf: { $ref: "#/$defs/schemaArray" },
        not: { $recursiveRef: "#" }
      },
      $defs: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $recursiveRef: "#" }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/meta/content.json
var require_content = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/meta/content.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/meta/content",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/content": true
      },
      $recursiveAnchor: true,
      title: "Content vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        contentMediaType: { type: "string" },
        contentEncoding: { type: "string" },
        contentSchema: { $recursiveRef: "#" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/meta/core.json
var require_core3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/meta/core.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/meta/core",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/core": true
      },
      $recursiveAnchor: true,
      title: "Core vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        $id: {
          type: "string",
          format: "uri-reference",
          $comment: "Non-empty fragments not allowed.",
          pattern: "^[^#]*#?$"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        $anchor: {
          type: "string",
          pattern: "^[A-Za-z][-A-Za-z0-9.:_]*$"
        },
        $ref: {
          type: "string",
          format: "uri-reference"
        },
        $recursiveRef: {
          type: "string",
          format: "uri-reference"
        },
        $recursiveAnchor: {
          type: "boolean",
          default: false
        },
        $vocabulary: {
          type: "object",
          propertyNames: {
            type: "string",
            format: "uri"
          },
          additionalProperties: {
            type: "boolean"
          }
        },
        $comment: {
          type: "string"
        },
        $defs: {
          type: "object",
          additionalProperties: { $recursiveRef: "#" },
          default: {}
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/meta/format.json
var require_format2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/meta/format.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/meta/format",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/format": true
      },
      $recursiveAnchor: true,
      title: "Format vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        format: { type: "string" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/meta/meta-data.json
var require_meta_data = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/meta/meta-data.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/meta/meta-data",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/meta-data": true
      },
      $recursiveAnchor: true,
      title: "Meta-data vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        deprecated: {
          type: "boolean",
          default: false
        },
        readOnly: {
          type: "boolean",
          default: false
        },
        writeOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/meta/validation.json
var require_validation2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/meta/validation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $id: "https://json-schema.org/draft/2019-09/meta/validation",
      $vocabulary: {
        "https://json-schema.org/draft/2019-09/vocab/validation": true
      },
      $recursiveAnchor: true,
      title: "Validation vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/$defs/nonNegativeInteger" },
        minLength: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        maxItems: { $ref: "#/$defs/nonNegativeInteger" },
        minItems: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        maxContains: { $ref: "#/$defs/nonNegativeInteger" },
        minContains: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 1
        },
        maxProperties: { $ref: "#/$defs/nonNegativeInteger" },
        minProperties: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        required: { $ref: "#/$defs/stringArray" },
        dependentRequired: {
          type: "object",
          additionalProperties: {
            $ref: "#/$defs/stringArray"
          }
        },
        const: true,
        enum: {
          type: "array",
          items: true
        },
        type: {
          anyOf: [
            { $ref: "#/$defs/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/$defs/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        }
      },
      $defs: {
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 0
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2019-09/index.js
var require_json_schema_2019_09 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2019-09/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var metaSchema = require_schema();
    var applicator = require_applicator2();
    var content = require_content();
    var core = require_core3();
    var format = require_format2();
    var metadata = require_meta_data();
    var validation = require_validation2();
    var META_SUPPORT_DATA = ["/properties"];
    function addMetaSchema2019($data) {
      ;
      [
        metaSchema,
        applicator,
        content,
        core,
        with$data(this, format),
        metadata,
        with$data(this, validation)
      ].forEach((sch) => this.addMetaSchema(sch, void 0, false));
      return this;
      function with$data(ajv, sch) {
        return $data ? ajv.$dataMetaSchema(sch, META_SUPPORT_DATA) : sch;
      }
    }
    exports.default = addMetaSchema2019;
  }
});

// node_modules/ajv/dist/2019.js
var require__ = __commonJS({
  "node_modules/ajv/dist/2019.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv2019 = void 0;
    var core_1 = require_core();
    var draft7_1 = require_draft7();
    var dynamic_1 = require_dynamic();
    var next_1 = require_next();
    var unevaluated_1 = require_unevaluated();
    var discriminator_1 = require_discriminator();
    var json_schema_2019_09_1 = require_json_schema_2019_09();
    var META_SCHEMA_ID = "https://json-schema.org/draft/2019-09/schema";
    var Ajv20192 = class extends core_1.default {
      constructor(opts = {}) {
        super({
          ...opts,
          dynamicRef: true,
          next: true,
          unevaluated: true
        });
      }
      _addVocabularies() {
        super._addVocabularies();
        this.addVocabulary(dynamic_1.default);
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        this.addVocabulary(next_1.default);
        this.addVocabulary(unevaluated_1.default);
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        const { $data, meta } = this.opts;
        if (!meta)
          return;
        json_schema_2019_09_1.default.call(this, $data);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv2019 = Ajv20192;
    module.exports = exports = Ajv20192;
    module.exports.Ajv2019 = Ajv20192;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv20192;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// node_modules/ajv/dist/vocabularies/draft2020.js
var require_draft2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var dynamic_1 = require_dynamic();
    var next_1 = require_next();
    var unevaluated_1 = require_unevaluated();
    var format_1 = require_format();
    var metadata_1 = require_metadata();
    var draft2020Vocabularies = [
      dynamic_1.default,
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(true),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary,
      next_1.default,
      unevaluated_1.default
    ];
    exports.default = draft2020Vocabularies;
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/schema.json
var require_schema2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/schema.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/schema",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true,
        "https://json-schema.org/draft/2020-12/vocab/applicator": true,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true,
        "https://json-schema.org/draft/2020-12/vocab/validation": true,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true,
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Core and Validation specifications meta-schema",
      allOf: [
        { $ref: "meta/core" },
        { $ref: "meta/applicator" },
        { $ref: "meta/unevaluated" },
        { $ref: "meta/validation" },
        { $ref: "meta/meta-data" },
        { $ref: "meta/format-annotation" },
        { $ref: "meta/content" }
      ],
      type: ["object", "boolean"],
      $comment: "This meta-schema also defines keywords that have appeared in previous drafts in order to prevent incompatible extensions as they remain in common use.",
      properties: {
        definitions: {
          $comment: '"definitions" has been replaced by "$defs".',
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          deprecated: true,
          default: {}
        },
        dependencies: {
          $comment: '"dependencies" has been split and replaced by "dependentSchemas" and "dependentRequired" in order to serve their differing semantics.',
          type: "object",
          additionalProperties: {
            anyOf: [{ $dynamicRef: "#meta" }, { $ref: "meta/validation#/$defs/stringArray" }]
          },
          deprecated: true,
          default: {}
        },
        $recursiveAnchor: {
          $comment: '"$recursiveAnchor" has been replaced by "$dynamicAnchor".',
          $ref: "meta/core#/$defs/anchorString",
          deprecated: true
        },
        $recursiveRef: {
          $comment: '"$recursiveRef" has been replaced by "$dynamicRef".',
          $ref: "meta/core#/$defs/uriReferenceString",
          deprecated: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json
var require_applicator3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/applicator",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/applicator": true
      },
      $dynamicAnchor: "meta",
      title: "Applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        prefixItems: { $ref: "#/$defs/schemaArray" },
        items: { $dynamicRef: "#meta" },
        contains: { $dynamicRef: "#meta" },
        additionalProperties: { $dynamicRef: "#meta" },
        properties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependentSchemas: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        propertyNames: { $dynamicRef: "#meta" },
        if: { $dynamicRef: "#meta" },
        then: { $dynamicRef: "#meta" },
        else: { $dynamicRef: "#meta" },
        allOf: { $ref: "#/$defs/schemaArray" },
        anyOf: { $ref: "#/$defs/schemaArray" },
        oneOf: { $ref: "#/$defs/schemaArray" },
        not: { $dynamicRef: "#meta" }
      },
      $defs: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $dynamicRef: "#meta" }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json
var require_unevaluated2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/unevaluated",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true
      },
      $dynamicAnchor: "meta",
      title: "Unevaluated applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        unevaluatedItems: { $dynamicRef: "#meta" },
        unevaluatedProperties: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json
var require_content2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/content",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Content vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        contentEncoding: { type: "string" },
        contentMediaType: { type: "string" },
        contentSchema: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json
var require_core4 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/core",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true
      },
      $dynamicAnchor: "meta",
      title: "Core vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        $id: {
          $ref: "#/$defs/uriReferenceString",
          $comment: "Non-empty fragments not allowed.",
          pattern: "^[^#]*#?$"
        },
        $schema: { $ref: "#/$defs/uriString" },
        $ref: { $ref: "#/$defs/uriReferenceString" },
        $anchor: { $ref: "#/$defs/anchorString" },
        $dynamicRef: { $ref: "#/$defs/uriReferenceString" },
        $dynamicAnchor: { $ref: "#/$defs/anchorString" },
        $vocabulary: {
          type: "object",
          propertyNames: { $ref: "#/$defs/uriString" },
          additionalProperties: {
            type: "boolean"
          }
        },
        $comment: {
          type: "string"
        },
        $defs: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" }
        }
      },
      $defs: {
        anchorString: {
          type: "string",
          pattern: "^[A-Za-z_][-A-Za-z0-9._]*$"
        },
        uriString: {
          type: "string",
          format: "uri"
        },
        uriReferenceString: {
          type: "string",
          format: "uri-reference"
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json
var require_format_annotation = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/format-annotation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true
      },
      $dynamicAnchor: "meta",
      title: "Format vocabulary meta-schema for annotation results",
      type: ["object", "boolean"],
      properties: {
        format: { type: "string" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json
var require_meta_data2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/meta-data",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true
      },
      $dynamicAnchor: "meta",
      title: "Meta-data vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        deprecated: {
          type: "boolean",
          default: false
        },
        readOnly: {
          type: "boolean",
          default: false
        },
        writeOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json
var require_validation3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/validation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/validation": true
      },
      $dynamicAnchor: "meta",
      title: "Validation vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        type: {
          anyOf: [
            { $ref: "#/$defs/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/$defs/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        const: true,
        enum: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/$defs/nonNegativeInteger" },
        minLength: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        maxItems: { $ref: "#/$defs/nonNegativeInteger" },
        minItems: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        maxContains: { $ref: "#/$defs/nonNegativeInteger" },
        minContains: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 1
        },
        maxProperties: { $ref: "#/$defs/nonNegativeInteger" },
        minProperties: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        required: { $ref: "#/$defs/stringArray" },
        dependentRequired: {
          type: "object",
          additionalProperties: {
            $ref: "#/$defs/stringArray"
          }
        }
      },
      $defs: {
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 0
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/index.js
var require_json_schema_2020_12 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var metaSchema = require_schema2();
    var applicator = require_applicator3();
    var unevaluated = require_unevaluated2();
    var content = require_content2();
    var core = require_core4();
    var format = require_format_annotation();
    var metadata = require_meta_data2();
    var validation = require_validation3();
    var META_SUPPORT_DATA = ["/properties"];
    function addMetaSchema2020($data) {
      ;
      [
        metaSchema,
        applicator,
        unevaluated,
        content,
        core,
        with$data(this, format),
        metadata,
        with$data(this, validation)
      ].forEach((sch) => this.addMetaSchema(sch, void 0, false));
      return this;
      function with$data(ajv, sch) {
        return $data ? ajv.$dataMetaSchema(sch, META_SUPPORT_DATA) : sch;
      }
    }
    exports.default = addMetaSchema2020;
  }
});

// node_modules/ajv/dist/2020.js
var require__2 = __commonJS({
  "node_modules/ajv/dist/2020.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv2020 = void 0;
    var core_1 = require_core();
    var draft2020_1 = require_draft2020();
    var discriminator_1 = require_discriminator();
    var json_schema_2020_12_1 = require_json_schema_2020_12();
    var META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";
    var Ajv20202 = class extends core_1.default {
      constructor(opts = {}) {
        super({
          ...opts,
          dynamicRef: true,
          next: true,
          unevaluated: true
        });
      }
      _addVocabularies() {
        super._addVocabularies();
        draft2020_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        const { $data, meta } = this.opts;
        if (!meta)
          return;
        json_schema_2020_12_1.default.call(this, $data);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv2020 = Ajv20202;
    module.exports = exports = Ajv20202;
    module.exports.Ajv2020 = Ajv20202;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv20202;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// src/core/eval/digest-index.ts
var DigestIndex = class {
  map;
  constructor(expected = 1024) {
    this.map = new Hash64Map(expected);
  }
  get size() {
    return this.table().size;
  }
  /** Bytes held by the table (0 once released). */
  get bytes() {
    return this.map?.bytes ?? 0;
  }
  /** The value stored for `key`'s digest, or -1. */
  get(key) {
    const [h, l] = hash64(key);
    return this.table().get(h, l);
  }
  /**
   * Drop the table for a holder that will not look a key up again (a fresh eval run no longer
   * needs case id → index once it knows nothing is on disk to resume). A lookup after this is a
   * bug, and says so rather than answering "absent".
   */
  release() {
    this.map = null;
  }
  table() {
    if (this.map === null) throw new InternalError("a released DigestIndex was used again");
    return this.map;
  }
  /** Store `value` for `key` unless its digest is present; returns the value already there, or -1. */
  setIfAbsent(key, value) {
    if (!Number.isInteger(value) || value < 0 || value > 2147483647) throw new RangeError(`DigestIndex values are 0 \u2026 2\xB3\xB9\u22121, got ${value}`);
    const [h, l] = hash64(key);
    return this.table().setIfAbsent(h, l, value);
  }
};

// src/core/eval/case-set.ts
var PRESIZE_MAX = 2e6;
var MAX_NAMED_DUPLICATES = 1e3;
function take(source, n) {
  return n === void 0 ? source : takeFirst(source, n);
}
async function* takeFirst(source, n) {
  if (n <= 0) return;
  let i = 0;
  for await (const x of source) {
    yield x;
    if (++i >= n) return;
  }
}
async function scanCases(read, expected) {
  const capacity = expected === void 0 ? void 0 : Math.ceil(Math.min(expected, PRESIZE_MAX) * 2 / 3);
  const ids = new DigestIndex(capacity);
  const inputs = new DigestIndex(capacity);
  const inputSuspects = [];
  let moreInputs = 0;
  let count2 = 0;
  for await (const c of read()) {
    const i = count2++;
    const prevId = ids.setIfAbsent(c.id, i);
    const prevInput = inputs.setIfAbsent(inputKey(c), i);
    if (prevInput >= 0) {
      if (inputSuspects.length < MAX_NAMED_DUPLICATES) inputSuspects.push([prevInput, i]);
      else moreInputs++;
    }
    if (prevId >= 0) await refuseDuplicateId(read, [prevId, i]);
  }
  const warnings = await confirmInputs(read, inputSuspects);
  if (moreInputs > 0) warnings.push(`\u2026 and up to ${moreInputs} more case(s) with an input seen earlier (not named; confirm with llmops data dedupe)`);
  return { set: { stream: read, count: count2, ids }, warnings };
}
function inputKey(c) {
  return `{"input":${c.input === void 0 ? "null" : JSON.stringify(c.input)},"vars":${stableStringify(c.vars)}}`;
}
var where = (c, i) => c.where ?? `case ${i + 1}`;
async function casesAt(read, indices) {
  const want = new Set(indices);
  const last = Math.max(-1, ...want);
  const out = /* @__PURE__ */ new Map();
  let i = 0;
  for await (const c of read()) {
    if (want.has(i)) out.set(i, c);
    if (++i > last) break;
  }
  return out;
}
async function refuseDuplicateId(read, [a, b]) {
  const found = await casesAt(read, [a, b]);
  const first = found.get(a);
  const second = found.get(b);
  if (first.id === second.id) {
    throw new ConfigError(`${where(second, b)}: duplicate case id "${second.id}" (first at ${where(first, a)})`, { hint: "case ids must be unique: results are paired across runs by id" });
  }
  throw new ConfigError(`${where(second, b)}: case ids "${second.id}" and "${first.id}" (${where(first, a)}) share a 64-bit digest (odds about 1 in 10\xB9\u2070 at a million cases)`, { hint: "rename one of the two cases" });
}
async function confirmInputs(read, suspects) {
  if (suspects.length === 0) return [];
  const found = await casesAt(read, suspects.flat());
  const out = [];
  for (const [a, b] of suspects) {
    const first = found.get(a);
    const second = found.get(b);
    if (inputKey(first) !== inputKey(second)) continue;
    out.push(`${where(second, b)}: case "${second.id}" has the same input as case "${first.id}" (${where(first, a)}); it is asked twice and counts twice in every mean \u2014 remove or change one`);
  }
  return out;
}
async function caseSetOf(cases) {
  return scanCases(async function* () {
    yield* cases;
  });
}
async function collectCases(set, limit) {
  const out = [];
  for await (const c of take(set.stream(), limit)) out.push(c);
  return out;
}

// src/core/eval/template-check.ts
var BUILTINS = /* @__PURE__ */ new Set(["true", "false", "none", "True", "False", "None", "raise_exception", "range", "strftime_now", "namespace", "loop", "caller"]);
var isNode = (v) => v !== null && typeof v === "object" && typeof v.type === "string";
function templateVariables(program) {
  const declared = /* @__PURE__ */ new Set();
  const used = /* @__PURE__ */ new Set();
  const guarded = /* @__PURE__ */ new Set();
  const declare = (n) => {
    if (!isNode(n)) return;
    if (n.type === "Identifier") declared.add(n.value);
    else if (n.type === "TupleLiteral" || n.type === "ArrayLiteral") for (const x of n.value) declare(x);
    else if (n.type === "KeywordArgumentExpression") declare(n.key);
  };
  const visit = (n) => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (n instanceof Map) {
      for (const [k, v] of n) {
        visit(k);
        visit(v);
      }
      return;
    }
    if (!isNode(n)) return;
    switch (n.type) {
      case "Identifier":
        used.add(n.value);
        return;
      case "MemberExpression":
        visit(n.object);
        if (n.computed) visit(n.property);
        return;
      case "FilterExpression": {
        const f = n.filter;
        const name = f.type === "Identifier" ? f.value : isNode(f.callee) ? f.callee.value : "";
        if ((name === "default" || name === "d") && isNode(n.operand) && n.operand.type === "Identifier") guarded.add(n.operand.value);
        visit(n.operand);
        if (f.type === "CallExpression") visit(f.args);
        return;
      }
      case "FilterStatement": {
        const f = n.filter;
        if (f.type === "CallExpression") visit(f.args);
        visit(n.body);
        return;
      }
      case "TestExpression": {
        const test = n.test.value;
        if ((test === "defined" || test === "undefined") && isNode(n.operand) && n.operand.type === "Identifier") guarded.add(n.operand.value);
        visit(n.operand);
        return;
      }
      case "KeywordArgumentExpression":
        visit(n.value);
        return;
      case "Set":
        declare(n.assignee);
        visit(n.value);
        visit(n.body);
        return;
      case "For":
        declare(n.loopvar);
        visit(n.iterable);
        visit(n.body);
        visit(n.defaultBlock);
        return;
      case "Macro":
        declare(n.name);
        for (const a of n.args) {
          declare(a);
          if (isNode(a) && a.type === "KeywordArgumentExpression") visit(a.value);
        }
        visit(n.body);
        return;
      case "CallStatement":
        for (const a of n.callerArgs ?? []) declare(a);
        visit(n.call);
        visit(n.body);
        return;
      default:
        for (const [k, v] of Object.entries(n)) if (k !== "type") visit(v);
    }
  };
  visit(program);
  const free = [...used].filter((x) => !declared.has(x) && !BUILTINS.has(x));
  return { required: free.filter((x) => !guarded.has(x)).sort(), optional: free.filter((x) => guarded.has(x)).sort() };
}
function lineColAt(source, offset) {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const line = before.split("\n").length;
  return { line, col: offset - (before.lastIndexOf("\n") + 1) + 1 };
}
function tags(source) {
  const out = [];
  const re = /\{([{%#])[\s\S]*?(?:[}%#]\}|$)/g;
  for (let m = re.exec(source); m && out.length < 2e3; m = re.exec(source)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
function findVariable(source, name) {
  const word = new RegExp(`(?<![\\w.])${name.replace(/[^\w]/g, "\\$&")}(?!\\w)`);
  for (const t of tags(source)) {
    const m = word.exec(source.slice(t.start + 2, t.end));
    if (m) return t.start + 2 + m.index;
  }
  return null;
}
function findFilter(source, name) {
  const m = new RegExp(`\\|\\s*(${name.replace(/[^\w]/g, "\\$&")})(?!\\w)`).exec(source);
  return m ? m.index + m[0].length - name.length : null;
}
var parses = (source) => {
  try {
    parse(tokenize(source, { lstrip_blocks: true, trim_blocks: true }));
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
};
function locateSyntaxError(source) {
  const whole = parses(source);
  if (whole === null) return null;
  for (const t of tags(source)) if (parses(source.slice(0, t.end)) === whole) return t.start;
  return tags(source).at(-1)?.start ?? 0;
}

// src/core/eval/prompt.ts
function position(source, offset, origin) {
  if (offset === null) return `${origin.file}:${origin.line}:${origin.col}`;
  const p = lineColAt(source, offset);
  return `${origin.file}:${origin.line + p.line - 1}:${p.line === 1 ? origin.col + p.col - 1 : p.col + (origin.indent ?? 0)}`;
}
function compile(source, origin, role) {
  let template;
  try {
    template = new Template(source);
  } catch (err) {
    const why = err instanceof TypeError ? "a block or tag opened here is never closed" : err instanceof Error ? err.message : String(err);
    throw new ConfigError(`${position(source, locateSyntaxError(source), origin)}: invalid Jinja template: ${why}`, {
      hint: "check the tag there: {{ expression }}, {% if \u2026 %}\u2026{% endif %}, {% for \u2026 %}\u2026{% endfor %}"
    });
  }
  return { role, source, origin, template, required: templateVariables(template.parsed).required, pieces: piecesOf(template) };
}
function piecesOf(template) {
  const pieces = [];
  for (const node of template.parsed.body) {
    if (node.type === "StringLiteral" && typeof node.value === "string") pieces.push(node.value);
    else if (node.type === "Identifier" && typeof node.value === "string") pieces.push({ name: node.value });
    else return void 0;
  }
  return pieces;
}
function substituted(pieces, vars) {
  let out = "";
  for (const piece of pieces) {
    if (typeof piece === "string") out += piece;
    else {
      const v = vars[piece.name];
      if (typeof v !== "string") return void 0;
      out += v;
    }
  }
  return out;
}
function compilePrompt(spec, where2, origins = []) {
  const origin = (i, suffix) => origins[i] ?? { file: `${where2}${suffix}`, line: 1, col: 1 };
  const parts = spec.kind === "template" ? [compile(spec.template, origin(0, ""), "user")] : spec.messages.map((m, i) => compile(m.content, origin(i, `.messages[${i}]`), m.role));
  return {
    spec,
    render(vars, context) {
      const messages = parts.map((p) => ({ role: p.role, content: renderPart(p, vars, context) }));
      const text = spec.kind === "template" ? messages[0].content : messages.map((m) => `${m.role}: ${m.content}`).join("\n");
      return { messages, text };
    }
  };
}
function describeCase(context) {
  return context ? `case "${context.caseId}"${context.where ? ` (${context.where})` : ""}` : "the case";
}
function renderPart(p, vars, context) {
  for (const name of p.required) {
    if (name in vars) continue;
    const who = describeCase(context);
    const known = Object.keys(vars);
    throw new ConfigError(`${position(p.source, findVariable(p.source, name), p.origin)}: undefined variable "${name}" in the prompt template for ${who}${didYouMean(name, known)}`, {
      hint: `the case's variables are: ${known.length ? known.join(", ") : "(none)"}; fix the name, add "${name}" to the case's vars, or guard it with {{ ${name} | default('') }}`
    });
  }
  const fast = p.pieces === void 0 ? void 0 : substituted(p.pieces, vars);
  if (fast !== void 0) return fast;
  try {
    return p.template.render(vars);
  } catch (err) {
    const who = describeCase(context);
    const why = err instanceof Error ? err.message : String(err);
    const filter = /^Unknown \w* ?filter: (\w+)/.exec(why) ?? /^Cannot apply filter "(\w+)"/.exec(why);
    const at = filter ? findFilter(p.source, filter[1]) : null;
    throw new ConfigError(`${position(p.source, at, p.origin)}: the prompt template failed for ${who}: ${why}`, {
      hint: filter ? `"${filter[1]}" is not a filter for that value; see the filters of @huggingface/jinja (upper, lower, trim, join, default, tojson, \u2026)` : "fix the template at that place"
    });
  }
}

// src/app/eval/load-suite.ts
import { existsSync as existsSync2, readFileSync as readFileSync2, realpathSync, statSync as statSync2 } from "node:fs";
import { dirname as dirname2, relative as relative2, resolve as resolve2, sep } from "node:path";

// src/core/eval/scorers/ngram-keys.ts
function numericKeysFit(size, maxOrder) {
  return (size + 1) ** maxOrder < Number.MAX_SAFE_INTEGER;
}
function sortedNgramKeys(ids, radix, maxOrder) {
  const all = [];
  for (let n = 1; n <= maxOrder; n++) all.push(new Float64Array(Math.max(ids.length - n + 1, 0)));
  for (let i = 0; i < ids.length; i++) {
    let key = 0;
    const last = Math.min(maxOrder, ids.length - i);
    for (let n = 1; n <= last; n++) {
      key = key * radix + ids[i + n - 1];
      all[n - 1][i] = key;
    }
  }
  for (const keys of all) keys.sort();
  return all;
}
function sortedOverlap(a, b) {
  let match = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x < y) i++;
    else if (x > y) j++;
    else {
      let ca = 0;
      let cb = 0;
      while (i < a.length && a[i] === x) i++, ca++;
      while (j < b.length && b[j] === y) j++, cb++;
      match += ca < cb ? ca : cb;
    }
  }
  return match;
}
function sortedMaxCounts(arrays) {
  if (arrays.length === 1) return arrays[0];
  const max = /* @__PURE__ */ new Map();
  for (const keys of arrays) {
    for (let i = 0; i < keys.length; ) {
      const k = keys[i];
      let c = 0;
      while (i < keys.length && keys[i] === k) i++, c++;
      if (c > (max.get(k) ?? 0)) max.set(k, c);
    }
  }
  let total = 0;
  for (const c of max.values()) total += c;
  const out = new Float64Array(total);
  let p = 0;
  for (const [k, c] of max) for (let r = 0; r < c; r++) out[p++] = k;
  return out.sort();
}

// src/core/eval/scorers/text.ts
var PY_WS_CLASS = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
var PY_WS_RUN = new RegExp(`[${PY_WS_CLASS}]+`, "u");
var PY_WS_RUN_G = new RegExp(`[${PY_WS_CLASS}]+`, "gu");
var PY_WS_TRAIL = new RegExp(`[${PY_WS_CLASS}]+$`, "u");
function pySplit(s) {
  const parts = s.split(PY_WS_RUN);
  if (parts.length > 0 && parts[0] === "") parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}
function pyRemoveWhitespace(s) {
  return s.replace(PY_WS_RUN_G, "");
}
function pyRstrip(s) {
  return s.replace(PY_WS_TRAIL, "");
}
function codePoints(s) {
  return Array.from(s);
}

// src/core/eval/scorers/bleu-math.ts
var MAX_NGRAM_ORDER = 4;
var SMOOTH_DEFAULTS = {
  none: null,
  floor: 0.1,
  "add-k": 1,
  exp: null
};
function wordNgrams(line, maxOrder) {
  const tokens2 = pySplit(line);
  const counts = Array.from({ length: maxOrder }, () => /* @__PURE__ */ new Map());
  for (let i = 0; i < tokens2.length; i++) {
    let key = tokens2[i];
    const last = Math.min(maxOrder, tokens2.length - i);
    for (let n = 1; n <= last; n++) {
      if (n > 1) key += " " + tokens2[i + n - 1];
      const m = counts[n - 1];
      m.set(key, (m.get(key) ?? 0) + 1);
    }
  }
  return { counts, length: tokens2.length };
}
function referenceInfo(refs, maxOrder) {
  if (refs.length === 1) {
    const { counts, length } = wordNgrams(refs[0], maxOrder);
    return { ngrams: counts, lengths: [length] };
  }
  const ngrams = Array.from({ length: maxOrder }, () => /* @__PURE__ */ new Map());
  const lengths = [];
  for (const ref of refs) {
    const { counts, length } = wordNgrams(ref, maxOrder);
    lengths.push(length);
    counts.forEach((orderCounts, n) => {
      const merged = ngrams[n];
      for (const [k, c] of orderCounts) {
        const prev = merged.get(k);
        if (prev === void 0 || c > prev) merged.set(k, c);
      }
    });
  }
  return { ngrams, lengths };
}
function closestRefLength(hypLength, refLengths) {
  let closestDiff = -1;
  let closestLen = -1;
  for (const len of refLengths) {
    const diff = Math.abs(hypLength - len);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      closestLen = len;
    } else if (diff === closestDiff && len < closestLen) {
      closestLen = len;
    }
  }
  return closestLen;
}
function bleuSegmentStats(hypothesis, refs, maxOrder) {
  const { counts, length } = wordNgrams(hypothesis, maxOrder);
  const stats = new Array(2 + 2 * maxOrder).fill(0);
  stats[0] = length;
  stats[1] = closestRefLength(length, refs.lengths);
  for (let n = 0; n < maxOrder; n++) {
    const refCounts = refs.ngrams[n];
    let correct = 0;
    let total = 0;
    for (const [ngram, count2] of counts[n]) {
      total += count2;
      const refCount = refCounts.get(ngram);
      if (refCount !== void 0) correct += Math.min(count2, refCount);
    }
    stats[2 + n] = correct;
    stats[2 + maxOrder + n] = total;
  }
  return stats;
}
function bleuSentenceStats(hypothesis, refs, maxOrder) {
  const vocab = /* @__PURE__ */ new Map();
  const toIds = (line) => pySplit(line).map((t) => {
    let id = vocab.get(t);
    if (id === void 0) vocab.set(t, id = vocab.size + 1);
    return id;
  });
  const hypIds = toIds(hypothesis);
  const refIds = refs.map(toIds);
  if (!numericKeysFit(vocab.size, maxOrder)) return bleuSegmentStats(hypothesis, referenceInfo(refs, maxOrder), maxOrder);
  const radix = vocab.size + 1;
  const hypKeys = sortedNgramKeys(hypIds, radix, maxOrder);
  const refKeys = refIds.map((ids) => sortedNgramKeys(ids, radix, maxOrder));
  const stats = new Array(2 + 2 * maxOrder).fill(0);
  stats[0] = hypIds.length;
  stats[1] = closestRefLength(hypIds.length, refIds.map((ids) => ids.length));
  for (let n = 0; n < maxOrder; n++) {
    const hyp = hypKeys[n];
    const ref = sortedMaxCounts(refKeys.map((k) => k[n]));
    stats[2 + n] = sortedOverlap(hyp, ref);
    stats[2 + maxOrder + n] = hyp.length;
  }
  return stats;
}
function myLog(x) {
  return x === 0 ? -9999999999 : Math.log(x);
}
function computeBleu(stats, o) {
  const sysLen = stats[0] ?? 0;
  const refLen = stats[1] ?? 0;
  const correct = stats.slice(2, 2 + o.maxOrder);
  const total = stats.slice(2 + o.maxOrder, 2 + 2 * o.maxOrder);
  const smoothValue = o.smoothValue ?? SMOOTH_DEFAULTS[o.smoothMethod] ?? 0;
  let bp = 1;
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0;
  const precisions = new Array(o.maxOrder).fill(0);
  if (!correct.some((c) => c !== 0)) return { score: 0, precisions, bp, sysLen, refLen };
  let smoothMteval = 1;
  let effOrder = o.maxOrder;
  for (let n = 1; n <= o.maxOrder; n++) {
    if (o.smoothMethod === "add-k" && n > 1) {
      correct[n - 1] = correct[n - 1] + smoothValue;
      total[n - 1] = total[n - 1] + smoothValue;
    }
    const t = total[n - 1];
    const c = correct[n - 1];
    if (t === 0) break;
    if (o.effectiveOrder) effOrder = n;
    if (c === 0) {
      if (o.smoothMethod === "exp") {
        smoothMteval *= 2;
        precisions[n - 1] = 100 / (smoothMteval * t);
      } else if (o.smoothMethod === "floor") {
        precisions[n - 1] = 100 * smoothValue / t;
      }
    } else {
      precisions[n - 1] = 100 * c / t;
    }
  }
  let logSum = 0;
  for (const p of precisions.slice(0, effOrder)) logSum += myLog(p);
  const score = bp * Math.exp(logSum / effOrder);
  return { score, precisions, bp, sysLen, refLen };
}

// src/core/eval/scorers/common.ts
var commonScorerFields = {
  /** Metric name in results (defaults to the type; set it to use one type twice). */
  name: external_exports.string().max(64).regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, '_', '.', '-' only").optional(),
  /** Pass when the score is ≥ threshold (≤ for lower-is-better metrics). */
  threshold: external_exports.number().min(0).max(1).optional(),
  /** Weight in the suite's weighted overall score. */
  weight: external_exports.number().nonnegative().max(1e6).default(1)
};
function scorerSchema(type, fields2) {
  return external_exports.strictObject({ type: external_exports.literal(type), ...commonScorerFields, ...fields2 });
}
function referencesOf(expected) {
  if (typeof expected === "string") return [expected];
  if (Array.isArray(expected) && expected.every((e) => typeof e === "string")) return expected;
  if (typeof expected === "number" || typeof expected === "boolean") return [String(expected)];
  return null;
}
function scorerBase(c, corpus = false) {
  return { name: c.name ?? c.type, type: c.type, threshold: c.threshold, weight: c.weight, corpus };
}

// src/core/eval/scorers/signature.ts
var SIGNATURE_VERSION = `llmops-${VERSION}`;
var ReferenceCountTracker = class {
  seen = /* @__PURE__ */ new Set();
  note(count2) {
    if (this.seen.size < 2) this.seen.add(count2);
  }
  get nrefs() {
    return this.seen.size === 1 ? String([...this.seen][0]) : "var";
  }
};
function formatSignature(fields2) {
  return [...fields2, ["version", SIGNATURE_VERSION]].map(([k, v]) => `${k}:${v}`).join("|");
}

// src/core/eval/scorers/tokenizers.ts
var bleuTokenizerNames = ["13a", "intl", "char", "none"];
var RE_13A = [
  [/([{-~[-` -&(-+:-@\/])/gu, " $1 "],
  [/([^0-9])([.,])/gu, "$1 $2 "],
  [/([.,])([^0-9])/gu, " $1 $2"],
  [/([0-9])(-)/gu, "$1 $2 "]
];
function tokenize13a(input) {
  let line = input.replaceAll("<skipped>", "").replaceAll("-\n", "").replaceAll("\n", " ");
  if (line.includes("&")) {
    line = line.replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
  }
  line = ` ${line} `;
  for (const [re, repl] of RE_13A) line = line.replace(re, repl);
  return pySplit(line).join(" ");
}
var RE_INTL = [
  [new RegExp("(\\P{N})(\\p{P})", "gu"), "$1 $2 "],
  [new RegExp("(\\p{P})(\\P{N})", "gu"), " $1 $2"],
  [new RegExp("(\\p{S})", "gu"), " $1 "]
];
function tokenizeIntl(input) {
  let line = input;
  for (const [re, repl] of RE_INTL) line = line.replace(re, repl);
  return pySplit(line).join(" ");
}
function tokenizeChar(line) {
  return Array.from(line).join(" ");
}
var bleuTokenizers = {
  "13a": tokenize13a,
  intl: tokenizeIntl,
  char: tokenizeChar,
  none: (line) => line
};
function preprocessForBleu(sentence, tokenizer, lowercase) {
  const s = lowercase ? sentence.toLowerCase() : sentence;
  return bleuTokenizers[tokenizer](pyRstrip(s));
}

// src/core/eval/scorers/bleu.ts
var bleuSchema = scorerSchema("bleu", {
  /** sacreBLEU tokenizer: 13a (default, mteval-v13a), intl (mteval-v14 international), char, none. */
  tokenize: external_exports.enum(bleuTokenizerNames).default("13a"),
  /** Lower-case hypothesis and references (sacreBLEU `-lc`). */
  lowercase: external_exports.boolean().default(false),
  /** Smoothing of zero n-gram precisions: exp (default), floor, add-k, none. */
  smooth_method: external_exports.enum(["exp", "floor", "add-k", "none"]).default("exp"),
  /** Value for floor (default 0.1) and add-k (default 1). */
  smooth_value: external_exports.number().nonnegative().optional(),
  /** Use effective n-gram order for the CORPUS score too (sacreBLEU default: no). Sentence values always do. */
  effective_order: external_exports.boolean().default(false),
  /** Highest n-gram order (sacreBLEU default 4); stats are [sys_len, ref_len, correct_1..N, total_1..N]. */
  max_ngram_order: external_exports.number().int().min(1).max(10).default(MAX_NGRAM_ORDER)
});
function smoothLabel(method, value) {
  const def = SMOOTH_DEFAULTS[method];
  return def === null ? method : `${method}[${(value ?? def).toFixed(2)}]`;
}
var bleu = {
  type: "bleu",
  schema: bleuSchema,
  create(c) {
    const tracker = new ReferenceCountTracker();
    const common = { smoothMethod: c.smooth_method, smoothValue: c.smooth_value ?? null, maxOrder: c.max_ngram_order };
    const corpusOptions = { ...common, effectiveOrder: c.effective_order };
    const sentenceOptions = { ...common, effectiveOrder: true };
    return {
      ...scorerBase(c, true),
      get signature() {
        return formatSignature([
          ["nrefs", tracker.nrefs],
          ["case", c.lowercase ? "lc" : "mixed"],
          ["eff", c.effective_order ? "yes" : "no"],
          ["tok", c.tokenize],
          ["smooth", smoothLabel(c.smooth_method, c.smooth_value)],
          // sacreBLEU's signature omits the order; we print it when it is not the default.
          ...c.max_ngram_order === MAX_NGRAM_ORDER ? [] : [["ngram", c.max_ngram_order]]
        ]);
      },
      score({ output, expected }) {
        const refs = referencesOf(expected);
        if (!refs || refs.length === 0) return { value: null };
        tracker.note(refs.length);
        const prep = (s) => preprocessForBleu(s, c.tokenize, c.lowercase);
        const stats = bleuSentenceStats(prep(output), refs.map(prep), c.max_ngram_order);
        const sentence = computeBleu(stats, sentenceOptions);
        return {
          value: sentence.score / 100,
          stats,
          detail: { bleu: sentence.score, nrefs: refs.length, precisions: sentence.precisions, bp: sentence.bp, sys_len: sentence.sysLen, ref_len: sentence.refLen }
        };
      },
      aggregate(summed) {
        return computeBleu(summed, corpusOptions).score / 100;
      }
    };
  }
};

// src/core/eval/scorers/budget.ts
var tokensSchema = scorerSchema("tokens", {
  /** Most completion tokens a case may use. */
  max_completion_tokens: external_exports.number().int().positive()
});
var tokens = {
  type: "tokens",
  schema: tokensSchema,
  create(c) {
    return {
      ...scorerBase(c),
      signature: `tokens|max_completion_tokens:${c.max_completion_tokens}`,
      score({ completionTokens, promptTokens }) {
        const detail = { completion_tokens: completionTokens, prompt_tokens: promptTokens, max_completion_tokens: c.max_completion_tokens };
        if (completionTokens === null) return { value: null, detail };
        return { value: completionTokens <= c.max_completion_tokens ? 1 : 0, detail };
      }
    };
  }
};
var costSchema = scorerSchema("cost", {
  /** Most a case may cost, in the suite's price-table currency. */
  max_cost: external_exports.number().nonnegative()
});
var cost = {
  type: "cost",
  schema: costSchema,
  create(c) {
    return {
      ...scorerBase(c),
      signature: `cost|max_cost:${c.max_cost}`,
      score({ cost: caseCost }) {
        const detail = { cost: caseCost, max_cost: c.max_cost };
        if (caseCost === null) return { value: null, detail };
        return { value: caseCost <= c.max_cost ? 1 : 0, detail };
      }
    };
  }
};

// src/core/eval/scorers/chrf-math.ts
function count(items) {
  const m = /* @__PURE__ */ new Map();
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
function charIds(text, alphabet) {
  const ids = new Int32Array(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    let id = alphabet.get(cp);
    if (id === void 0) alphabet.set(cp, id = alphabet.size + 1);
    ids[n++] = id;
  }
  return ids.subarray(0, n);
}
function charNgramCountsByString(text, maxOrder) {
  const chars = codePoints(text);
  const all = Array.from({ length: maxOrder }, () => /* @__PURE__ */ new Map());
  for (let i = 0; i < chars.length; i++) {
    let key = "";
    const last = Math.min(maxOrder, chars.length - i);
    for (let n = 1; n <= last; n++) {
      key += chars[i + n - 1];
      const m = all[n - 1];
      m.set(key, (m.get(key) ?? 0) + 1);
    }
  }
  return all;
}
function* wordNgramsOfOrder(words, n) {
  for (let i = 0; i + n <= words.length; i++) yield words.slice(i, i + n).join(" ");
}
var PUNCTS = new Set(Array.from("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"));
function splitPunctuation(sentence) {
  const out = [];
  for (const w of pySplit(sentence)) {
    const cps = codePoints(w);
    if (cps.length === 1) {
      out.push(w);
    } else if (PUNCTS.has(cps[cps.length - 1])) {
      out.push(cps.slice(0, -1).join(""), cps[cps.length - 1]);
    } else if (PUNCTS.has(cps[0])) {
      out.push(cps[0], cps.slice(1).join(""));
    } else {
      out.push(w);
    }
  }
  return out;
}
function wordNgramCounts(sentence, wordOrder) {
  const words = splitPunctuation(sentence);
  const all = [];
  for (let n = 1; n <= wordOrder; n++) all.push(count(wordNgramsOfOrder(words, n)));
  return all;
}
function chrfNgrams(sentences, o) {
  const texts = sentences.map((s) => o.whitespace ? s : pyRemoveWhitespace(s));
  const alphabet = /* @__PURE__ */ new Map();
  const ids = texts.map((t) => charIds(t, alphabet));
  const radix = alphabet.size + 1;
  const numeric = numericKeysFit(alphabet.size, o.charOrder);
  return sentences.map((sentence, k) => {
    const chars = numeric ? sortedNgramKeys(ids[k], radix, o.charOrder) : charNgramCountsByString(texts[k], o.charOrder);
    return o.wordOrder > 0 ? [...chars, ...wordNgramCounts(sentence, o.wordOrder)] : chars;
  });
}
function matchStats(hyp, ref) {
  if (hyp instanceof Float64Array && ref instanceof Float64Array) return [ref.length > 0 ? hyp.length : 0, ref.length, sortedOverlap(hyp, ref)];
  return mapMatchStats(hyp, ref);
}
function mapMatchStats(hyp, ref) {
  let match = 0;
  let hypCount = 0;
  for (const [ng, c] of hyp) {
    hypCount += c;
    const r = ref.get(ng);
    if (r !== void 0) match += Math.min(c, r);
  }
  let refCount = 0;
  for (const c of ref.values()) refCount += c;
  return [ref.size > 0 ? hypCount : 0, refCount, match];
}
function computeChrf(stats, o) {
  const eps = 1e-16;
  const order = o.charOrder + o.wordOrder;
  const factor = o.beta ** 2;
  let score = 0;
  let effectiveOrder = 0;
  let avgPrec = 0;
  let avgRec = 0;
  for (let i = 0; i < order; i++) {
    const nHyp = stats[3 * i] ?? 0;
    const nRef = stats[3 * i + 1] ?? 0;
    const nMatch = stats[3 * i + 2] ?? 0;
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * prec + rec;
    score += denom > 0 ? (1 + factor) * prec * rec / denom : eps;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effectiveOrder += 1;
    }
  }
  if (o.epsSmoothing) return 100 * score / order;
  if (effectiveOrder === 0) {
    avgPrec = avgRec = 0;
  } else {
    avgPrec /= effectiveOrder;
    avgRec /= effectiveOrder;
  }
  if (avgPrec + avgRec) {
    const s = (1 + factor) * avgPrec * avgRec / (factor * avgPrec + avgRec);
    return 100 * s;
  }
  return 0;
}
function chrfSegmentStats(hypothesis, refs, o) {
  const [hyp, ...refCounts] = chrfNgrams([hypothesis, ...refs], o);
  let best = [];
  let bestScore = -1;
  for (const refNgrams of refCounts) {
    const stats = [];
    for (let i = 0; i < hyp.length; i++) stats.push(...matchStats(hyp[i], refNgrams[i]));
    const s = computeChrf(stats, o);
    if (s > bestScore) {
      bestScore = s;
      best = stats;
    }
  }
  return { stats: best, score: bestScore };
}

// src/core/eval/scorers/chrf.ts
var chrfSchema = scorerSchema("chrf", {
  /** Character n-gram order (sacreBLEU default 6). */
  char_order: external_exports.number().int().min(1).max(20).default(6),
  /** Word n-gram order: 0 for chrF (default), 2 for chrF++. */
  word_order: external_exports.number().int().min(0).max(10).default(0),
  /** Recall weight (sacreBLEU default 2). */
  beta: external_exports.number().int().min(1).max(10).default(2),
  /** Lower-case hypothesis and references. */
  lowercase: external_exports.boolean().default(false),
  /** Keep whitespace inside character n-grams (sacreBLEU default: removed). */
  whitespace: external_exports.boolean().default(false),
  /** chrF++.py-style epsilon smoothing (sacreBLEU default: no, it averages the effective orders). */
  eps_smoothing: external_exports.boolean().default(false)
});
var chrf = {
  type: "chrf",
  schema: chrfSchema,
  create(c) {
    const tracker = new ReferenceCountTracker();
    const o = {
      charOrder: c.char_order,
      wordOrder: c.word_order,
      beta: c.beta,
      whitespace: c.whitespace,
      epsSmoothing: c.eps_smoothing
    };
    const prep = (s) => c.lowercase ? s.toLowerCase() : s;
    return {
      ...scorerBase(c, true),
      get signature() {
        return formatSignature([
          ["nrefs", tracker.nrefs],
          ["case", c.lowercase ? "lc" : "mixed"],
          ["eff", c.eps_smoothing ? "no" : "yes"],
          ["nc", c.char_order],
          ["nw", c.word_order],
          ["space", c.whitespace ? "yes" : "no"]
        ]);
      },
      score({ output, expected }) {
        const refs = referencesOf(expected);
        if (!refs || refs.length === 0) return { value: null };
        tracker.note(refs.length);
        const { stats, score } = chrfSegmentStats(prep(output), refs.map(prep), o);
        return { value: score / 100, stats, detail: { chrf: score, nrefs: refs.length } };
      },
      aggregate(summed) {
        return computeChrf(summed, o) / 100;
      }
    };
  }
};

// src/core/eval/scorers/exact-match.ts
var normaliseFields = {
  /** Lower-case both sides. */
  ignore_case: external_exports.boolean().default(false),
  /** Trim and collapse runs of whitespace. */
  normalize_whitespace: external_exports.boolean().default(true),
  /** Drop ASCII and Unicode punctuation. */
  ignore_punctuation: external_exports.boolean().default(false),
  /** Drop the articles a, an, the (SQuAD-style normalisation). */
  ignore_articles: external_exports.boolean().default(false),
  /** Apply Unicode NFKC before comparing. */
  unicode_nfkc: external_exports.boolean().default(true)
};
function normalise(s, o) {
  let t = o.unicode_nfkc ? s.normalize("NFKC") : s;
  if (o.ignore_case) t = t.toLowerCase();
  if (o.ignore_punctuation) t = t.replace(/[\p{P}\p{S}]/gu, " ");
  if (o.ignore_articles) t = t.replace(/\b(a|an|the)\b/giu, " ");
  if (o.normalize_whitespace) t = t.replace(/\s+/gu, " ").trim();
  return t;
}
var exactSchema = scorerSchema("exact_match", normaliseFields);
var exactMatch = {
  type: "exact_match",
  schema: exactSchema,
  create(c) {
    return {
      ...scorerBase(c),
      signature: `exact_match|case:${c.ignore_case ? "ignore" : "keep"}|ws:${c.normalize_whitespace ? "norm" : "keep"}|punct:${c.ignore_punctuation ? "drop" : "keep"}|articles:${c.ignore_articles ? "drop" : "keep"}|nfkc:${c.unicode_nfkc ? "yes" : "no"}`,
      score({ output, expected }) {
        const refs = referencesOf(expected);
        if (!refs) return { value: null };
        const out = normalise(output, c);
        return { value: refs.some((r) => normalise(r, c) === out) ? 1 : 0 };
      }
    };
  }
};
function containsDef(type) {
  const schema5 = scorerSchema(type, {
    /** The text to look for; defaults to the case's expected value(s). */
    value: external_exports.union([external_exports.string(), external_exports.array(external_exports.string()).min(1)]).optional(),
    /** With several values: all must appear (default) or any one. */
    mode: external_exports.enum(["all", "any"]).default("all")
  });
  const def = {
    type,
    schema: schema5,
    create(c) {
      const fold = (s) => type === "icontains" ? s.normalize("NFKC").toLowerCase() : s;
      return {
        ...scorerBase(c),
        signature: `${type}|mode:${c.mode}`,
        score({ output, expected }) {
          const needles = c.value === void 0 ? referencesOf(expected) : typeof c.value === "string" ? [c.value] : c.value;
          if (!needles) return { value: null };
          const hay = fold(output);
          const hits = needles.map((n) => hay.includes(fold(n)));
          const ok = c.mode === "all" ? hits.every(Boolean) : hits.some(Boolean);
          return { value: ok ? 1 : 0 };
        }
      };
    }
  };
  return def;
}
var contains = containsDef("contains");
var icontains = containsDef("icontains");

// src/core/eval/scorers/json-output.ts
var FENCE = /```[ \t]*(?:json5?|jsonc|JSON)?[ \t]*\r?\n?([\s\S]*?)\r?\n?```/;
function parseJsonOutput(output, fenced) {
  let text = output;
  let source = "whole";
  if (fenced) {
    const m = FENCE.exec(output);
    if (m) {
      text = m[1];
      source = "fenced";
    }
  }
  try {
    return { ok: true, value: JSON.parse(text), source };
  } catch (e) {
    return { ok: false, error: `${source === "fenced" ? "fenced block" : "output"} is not JSON: ${e.message}` };
  }
}

// src/core/eval/scorers/json-fields.ts
var MAX_DETAIL_FIELDS = 50;
var jsonFieldsSchema = scorerSchema("json_fields", {
  /** Compare only these top-level fields (default: every field of either side). */
  fields: external_exports.array(external_exports.string().min(1)).min(1).optional(),
  /** Numbers are equal when they differ by at most this much (absolute). */
  numeric_tolerance: external_exports.number().nonnegative().default(0),
  /** Compare strings case-insensitively. */
  ignore_case: external_exports.boolean().default(false),
  /** Parse the first ``` fenced block (```json or bare) when the output has one. */
  fenced: external_exports.boolean().default(false)
});
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function valuesEqual(a, b, o) {
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= o.numeric_tolerance;
  if (typeof a === "string" && typeof b === "string") return o.ignore_case ? a.toLowerCase() === b.toLowerCase() : a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i], o));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && valuesEqual(a[k], b[k], o));
  }
  return a === b;
}
function compareFields(output, expected, fields2, o) {
  const present = (obj, k) => Object.hasOwn(obj, k) && obj[k] !== void 0;
  const names = fields2 ?? [.../* @__PURE__ */ new Set([...Object.keys(expected), ...Object.keys(output)])];
  const verdicts = {};
  let predicted = 0;
  let relevant = 0;
  let correct = 0;
  for (const k of names) {
    const inOut = present(output, k);
    const inExp = present(expected, k);
    if (inOut) predicted++;
    if (inExp) relevant++;
    if (inOut && inExp) {
      const ok = valuesEqual(output[k], expected[k], o);
      if (ok) correct++;
      verdicts[k] = ok ? "correct" : "wrong";
    } else if (inExp) {
      verdicts[k] = "missing";
    } else if (inOut) {
      verdicts[k] = "extra";
    }
  }
  if (predicted === 0 && relevant === 0) return { precision: 1, recall: 1, f1: 1, fields: verdicts };
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = relevant === 0 ? 0 : correct / relevant;
  const f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  return { precision, recall, f1, fields: verdicts };
}
function expectedObject(expected) {
  if (isObject(expected)) return expected;
  if (typeof expected === "string") {
    try {
      const v = JSON.parse(expected);
      return isObject(v) ? v : null;
    } catch {
      return null;
    }
  }
  return null;
}
function truncated(fields2) {
  const entries = Object.entries(fields2);
  return entries.length <= MAX_DETAIL_FIELDS ? fields2 : Object.fromEntries(entries.slice(0, MAX_DETAIL_FIELDS));
}
var jsonFields = {
  type: "json_fields",
  schema: jsonFieldsSchema,
  create(c) {
    return {
      ...scorerBase(c),
      signature: `json_fields|fields:${c.fields ? c.fields.join(",") : "all"}|tol:${c.numeric_tolerance}|case:${c.ignore_case ? "ignore" : "keep"}|fenced:${c.fenced ? "yes" : "no"}`,
      score({ output, expected }) {
        const exp = expectedObject(expected);
        if (!exp) return { value: null, detail: { error: "expected value is not a JSON object" } };
        const parsed = parseJsonOutput(output, c.fenced);
        if (!parsed.ok) return { value: 0, detail: { error: parsed.error } };
        if (!isObject(parsed.value)) return { value: 0, detail: { error: "output is JSON but not an object" } };
        const s = compareFields(parsed.value, exp, c.fields, c);
        return { value: s.f1, detail: { precision: s.precision, recall: s.recall, fields: truncated(s.fields) } };
      }
    };
  }
};

// src/core/eval/api-key-env.ts
var apiKeyEnvSchema = external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name such as OPENAI_API_KEY").refine((n) => !/^(GITHUB_|ACTIONS_|RUNNER_)/i.test(n), { message: "may not name a GITHUB_*, ACTIONS_* or RUNNER_* variable: those hold the workflow's own tokens; put the model's key in a variable of its own (e.g. OPENAI_API_KEY)" });

// src/core/eval/judge/target.ts
var remoteTargetSchema = external_exports.strictObject({
  /** Base URL including /v1, e.g. https://api.openai.com/v1 or http://127.0.0.1:8000/v1. */
  base_url: external_exports.string().url(),
  model: external_exports.string().min(1).max(500),
  /** Name of the environment variable holding the API key (never the key itself). */
  api_key_env: apiKeyEnvSchema.optional(),
  /** Sampling parameters sent with each judge request (default temperature 0), as the API names them. */
  params: external_exports.record(external_exports.string(), external_exports.unknown()).default({ temperature: 0 }),
  prices: external_exports.strictObject({
    prompt_per_1k: external_exports.number().nonnegative().max(1e3),
    completion_per_1k: external_exports.number().nonnegative().max(1e3),
    currency: external_exports.string().regex(/^[A-Z]{3}$/, "a three-letter currency code such as USD").default("USD")
  }).optional()
});
var judgePromptSchema = external_exports.union([
  external_exports.string(),
  external_exports.strictObject({
    template: external_exports.string().optional(),
    messages: external_exports.array(external_exports.strictObject({ role: external_exports.enum(["system", "user", "assistant"]), content: external_exports.string() })).min(1).optional(),
    file: external_exports.string().optional()
  })
]);
var calibrationSchema = external_exports.strictObject({
  /** A JSONL file of {"case_id", "label"} (llmops.judge-labels/v1), relative to the suite file. */
  labels: external_exports.string().min(1),
  /** Warn when Cohen's kappa with the labels is below this (the point estimate). */
  min_kappa: external_exports.number().min(-1).max(1).default(0.6)
});

// src/core/eval/judge/prompt.ts
function judgePrompt(loaded, scorer, target) {
  if (!loaded) throw new ConfigError(`scorer "${scorer}": its judge prompt was not loaded`, { hint: "judge scorers are created from a suite file by the suite loader" });
  const compiled = compilePrompt(loaded.spec, `${scorer}: prompt`, loaded.origins);
  return {
    source: loaded.source,
    hash: sha256(stableStringify(loaded.spec)),
    render(vars, caseId) {
      const { messages } = compiled.render(vars, { caseId: caseId ?? "?" });
      return { api: "chat", model: target.model, messages, params: { ...target.params }, stream: false };
    }
  };
}

// src/core/eval/judge/parse.ts
function lastJsonObject(whole) {
  const text = whole.slice(-2e4);
  let ends = 0;
  for (let end = text.lastIndexOf("}"); end >= 0 && ends++ < 16; end = text.lastIndexOf("}", end - 1)) {
    let starts = 0;
    for (let start = text.lastIndexOf("{", end); start >= 0 && starts++ < 16; start = text.lastIndexOf("{", start - 1)) {
      try {
        const v = JSON.parse(text.slice(start, end + 1));
        if (v && typeof v === "object" && !Array.isArray(v)) return v;
      } catch {
      }
    }
  }
  return null;
}
function reasonOf(o) {
  const r = o?.reason ?? o?.explanation ?? o?.rationale;
  return typeof r === "string" ? r.slice(0, 2e3) : null;
}
var PASS = /* @__PURE__ */ new Set(["pass", "passed", "yes", "true", "1", "correct"]);
var FAIL = /* @__PURE__ */ new Set(["fail", "failed", "no", "false", "0", "incorrect"]);
function parseRubricVerdict(text, scale) {
  const json = lastJsonObject(text);
  let raw = json ? json.score ?? json.verdict ?? json.rating ?? json.grade : void 0;
  if (raw === void 0) {
    const m = scale === "pass_fail" ? /\b(?:verdict|score|result)\s*[:=]\s*\**\s*(pass|fail)\b|\[\[(pass|fail)\]\]/gi : /\b(?:score|rating)\s*[:=]\s*\**\s*(-?\d+(?:\.\d+)?)|\[\[(-?\d+(?:\.\d+)?)\]\]/gi;
    let last = null;
    for (let r = m.exec(text); r; r = m.exec(text)) last = r;
    raw = last ? last[1] ?? last[2] : void 0;
  }
  if (raw === void 0) {
    return { ok: false, error: scale === "pass_fail" ? 'no verdict found: expected JSON {"verdict": "pass"|"fail", "reason": \u2026}' : `no score found: expected JSON {"score": 1-${scale}, "reason": \u2026}` };
  }
  const reason = reasonOf(json);
  if (scale === "pass_fail") {
    const s = String(raw).trim().toLowerCase();
    if (PASS.has(s)) return { ok: true, score: 1, reason };
    if (FAIL.has(s)) return { ok: true, score: 0, reason };
    return { ok: false, error: `verdict ${JSON.stringify(raw)} is neither pass nor fail` };
  }
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > scale) return { ok: false, error: `score ${JSON.stringify(raw)} is not an integer from 1 to ${scale}` };
  return { ok: true, score: n, reason };
}
function parsePairwiseVerdict(text) {
  const json = lastJsonObject(text);
  let raw = json ? json.winner ?? json.preference ?? json.verdict ?? json.choice : void 0;
  if (raw === void 0) {
    const m = /\[\[\s*(A|B|C|tie)\s*\]\]|\b(?:winner|verdict|preference)\s*[:=]\s*\**\s*(A|B|tie)\b/gi;
    let last = null;
    for (let r = m.exec(text); r; r = m.exec(text)) last = r;
    raw = last ? last[1] ?? last[2] : void 0;
  }
  if (raw === void 0) return { ok: false, error: 'no verdict found: expected JSON {"winner": "A"|"B"|"tie", "reason": \u2026}' };
  const s = String(raw).trim().toLowerCase();
  const choice = s === "a" ? "A" : s === "b" ? "B" : s === "tie" || s === "c" || s === "equal" || s === "draw" ? "tie" : void 0;
  if (!choice) return { ok: false, error: `winner ${JSON.stringify(raw)} is not A, B or tie` };
  return { ok: true, choice, reason: reasonOf(json) };
}

// src/core/eval/retry.ts
function backoffDelay(policy, failures, random, retryAfterMs) {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
  const jittered = exp * (0.5 + random / 2);
  if (retryAfterMs !== void 0 && Number.isFinite(retryAfterMs)) {
    return Math.min(Math.max(retryAfterMs, jittered), Math.max(policy.maxDelayMs, retryAfterMs > 12e4 ? 12e4 : retryAfterMs));
  }
  return jittered;
}
function parseRetryAfter(value, nowMs = Date.now()) {
  if (!value) return void 0;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1e3;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return void 0;
  return Math.max(0, t - nowMs);
}
async function withRetries(fn, policy, clock, random, onRetry) {
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await fn(attempt), attempts: attempt };
    } catch (err) {
      if (!(err instanceof ProviderError) || !err.retryable || attempt >= Math.min(policy.maxAttempts, err.opts.maxAttempts ?? Infinity)) {
        if (err instanceof ProviderError) err.attempts = attempt;
        throw err;
      }
      const delay = backoffDelay(policy, attempt, random(), err.opts.retryAfterMs);
      onRetry?.(err, attempt, delay);
      await clock.sleep(delay);
    }
  }
}

// src/core/eval/judge/remote.ts
function remoteKey(baseUrl, req) {
  return sha256(stableStringify({ remote: baseUrl.replace(/\/+$/, ""), req }));
}
async function prepareRemoteScores(samples, scorers, deps, opts) {
  const remote = scorers.filter((s) => s.remote !== void 0);
  const usage = /* @__PURE__ */ new Map();
  if (remote.length === 0 || samples.length === 0) return usage;
  const asks = remote.map((s) => {
    const u = { requests: 0, cached: 0, retries: 0, prompt_tokens: 0, completion_tokens: 0, cost: s.remote.target.prices ? 0 : null };
    usage.set(s.name, u);
    return makeAsk(s.remote.target, deps.providerFor(s.remote.target), u, deps, opts);
  });
  deps.logger.info(`scoring ${samples.length} output(s) with ${remote.map((s) => `${s.name} (${s.remote.target.model})`).join(", ")}`);
  const total = samples.length * remote.length;
  let next = 0;
  let fatal;
  const worker = async () => {
    while (fatal === void 0 && !deps.signal?.aborted) {
      const i = next++;
      if (i >= total) return;
      const s = remote[i % remote.length];
      try {
        await s.remote.prepare(samples[Math.floor(i / remote.length)], asks[i % remote.length]);
      } catch (err) {
        fatal ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, total)) }, worker));
  if (fatal !== void 0) {
    if (fatal instanceof ProviderError) throw new ExternalError(`scorer request failed: ${fatal.message}`, fatal.opts.hint ? { hint: fatal.opts.hint } : {});
    throw fatal;
  }
  return usage;
}
function makeAsk(target, provider, u, deps, opts) {
  const bill = (p, c) => {
    u.prompt_tokens += p ?? 0;
    u.completion_tokens += c ?? 0;
    if (u.cost !== null && target.prices) u.cost += ((p ?? 0) * target.prices.prompt_per_1k + (c ?? 0) * target.prices.completion_per_1k) / 1e3;
  };
  const attempt = async (send) => {
    const controller = new AbortController();
    const onOuter = () => controller.abort(deps.signal?.reason);
    deps.signal?.addEventListener("abort", onOuter, { once: true });
    let timedOut = false;
    const timer = new AbortController();
    deps.clock.sleep(opts.requestTimeoutMs, timer.signal).then(
      () => {
        timedOut = true;
        controller.abort(new Error("deadline"));
      },
      () => {
      }
    );
    try {
      return await send(controller.signal);
    } catch (err) {
      if (timedOut) throw new ProviderError(`${target.base_url}: no answer within ${opts.requestTimeoutMs >= 1e3 ? `${Math.round(opts.requestTimeoutMs / 1e3)} s` : `${opts.requestTimeoutMs} ms`} (timeouts.request_s)`, "timeout", { retryable: true });
      throw err;
    } finally {
      timer.abort();
      deps.signal?.removeEventListener("abort", onOuter);
    }
  };
  const retried = (send) => withRetries(
    () => attempt(send),
    opts.retry,
    deps.clock,
    deps.random,
    (err, n) => {
      u.retries++;
      deps.logger.debug(`${target.base_url}: ${err.message}; retry ${n}`);
    }
  );
  return {
    async complete(req) {
      const key = remoteKey(target.base_url, req);
      const hit = await deps.cache?.get(key, req);
      if (hit) {
        u.cached++;
        return hit;
      }
      const { value } = await retried((signal) => provider.complete(req, signal));
      u.requests++;
      bill(value.promptTokens, value.completionTokens);
      await deps.cache?.set(key, req, value);
      return value;
    },
    async embed(req) {
      if (!provider.embed) throw new ProviderError(`${target.base_url}: this provider has no /embeddings`, "bad_request", { retryable: false, fatal: true });
      const key = remoteKey(target.base_url, req);
      const hit = await deps.cache?.get(key, req);
      if (hit?.embedding) {
        u.cached++;
        return { vectors: hit.embedding, promptTokens: hit.promptTokens, latencyMs: hit.latencyMs };
      }
      const { value } = await retried((signal) => provider.embed(req, signal));
      u.requests++;
      bill(value.promptTokens, 0);
      await deps.cache?.set(key, req, { text: "", finishReason: null, promptTokens: value.promptTokens, completionTokens: null, ttftMs: null, latencyMs: value.latencyMs, embedding: value.vectors });
      return value;
    }
  };
}
function sampleKey(input) {
  return sha256(stableStringify({ o: input.output, p: input.prompt, e: input.expected ?? null, v: input.vars }));
}
function requestFailure(err) {
  if (err instanceof ProviderError && err.fatal) throw err;
  if (err instanceof ProviderError) return err.message;
  throw err;
}

// src/core/eval/judge/tally.ts
function emptyTally(categories, prompt, pairwise = false) {
  return {
    prompt: prompt ? { source: prompt.source, sha256: prompt.hash } : null,
    samples: 0,
    errors: { parse: 0, request: 0 },
    error_example: null,
    distribution: {},
    labels: /* @__PURE__ */ new Map(),
    categories,
    ...pairwise ? { pairwise: { pairs: 0, wins: 0, losses: 0, ties: 0, inconsistent: 0, decisive_verdicts: 0, first_position_wins: 0 } } : {}
  };
}
var RAW_KEPT = 2e3;
function noteError(t, kind, message, raw) {
  t.errors[kind]++;
  t.error_example ??= { message, raw: raw === null ? null : raw.slice(0, RAW_KEPT) };
}
function noteLabel(t, caseId, repeat, label) {
  if (caseId === void 0) return;
  const had = t.labels.get(caseId);
  if (!had || (repeat ?? 0) < had.repeat) t.labels.set(caseId, { repeat: repeat ?? 0, label });
}
function rawExcerpt(raw) {
  return raw.length > RAW_KEPT ? `${raw.slice(0, RAW_KEPT)}\u2026` : raw;
}

// src/core/eval/scorers/judge-pairwise.ts
var schema = scorerSchema("judge_pairwise", {
  target: remoteTargetSchema,
  /** The judge's prompt; omitted: templates/judges/pairwise.jinja. */
  prompt: judgePromptSchema.optional(),
  /** What makes one answer better, in words; the template shows it to the judge. */
  criteria: external_exports.string().min(1).max(2e4),
  /** The answer the output is compared with: the case's expected value, or a variable of the case. */
  against: external_exports.union([external_exports.literal("expected"), external_exports.strictObject({ var: external_exports.string().min(1) })]).default("expected"),
  calibration: calibrationSchema.optional()
});
var PAIRWISE_CATEGORIES = ["reference", "tie", "output"];
var judgePairwise = {
  type: "judge_pairwise",
  schema,
  create(config) {
    const c = config;
    const name = c.name ?? c.type;
    const prompt = c.loaded_prompt ? judgePrompt(c.loaded_prompt, name, c.target) : void 0;
    const tally = emptyTally(PAIRWISE_CATEGORIES, prompt, true);
    const verdicts = /* @__PURE__ */ new Map();
    const referenceOf = (input) => {
      const v = c.against === "expected" ? input.expected : input.vars[c.against.var];
      if (v === void 0 || v === null) return null;
      return typeof v === "string" ? v : JSON.stringify(v);
    };
    const requestFor = (input, first, second) => (prompt ?? judgePrompt(c.loaded_prompt, name, c.target)).render({ input: input.prompt, output_a: first, output_b: second, criteria: c.criteria, expected: input.expected ?? null, vars: input.vars }, input.caseId);
    return {
      ...scorerBase(c),
      signature: `judge_pairwise|model:${c.target.model}|against:${c.against === "expected" ? "expected" : `var.${c.against.var}`}|orders:both|prompt:${prompt ? `${prompt.source}@${prompt.hash.slice(0, 12)}` : "-"}`,
      tally: () => tally,
      score(input) {
        if (referenceOf(input) === null) return { value: null };
        return verdicts.get(sampleKey(input)) ?? { value: null, detail: { error: "not judged yet" } };
      },
      remote: {
        target: c.target,
        preview(input) {
          const reference = referenceOf(input);
          return reference === null ? null : requestFor(input, input.output, reference);
        },
        async prepare(input, ask) {
          const reference = referenceOf(input);
          if (reference === null) return;
          tally.samples++;
          const [ab, ba] = await Promise.all([judgeOnce(ask, requestFor(input, input.output, reference)), judgeOnce(ask, requestFor(input, reference, input.output))]);
          const key = sampleKey(input);
          for (const [order, r] of [["output first", ab], ["reference first", ba]]) {
            if (!r.ok) {
              noteError(tally, r.kind, `${r.message} (${order})`, r.raw);
              verdicts.set(key, { value: null, detail: { error: `${r.message} (${order})`, ...r.raw !== null ? { raw: rawExcerpt(r.raw) } : {} } });
              return;
            }
          }
          if (!ab.ok || !ba.ok) return;
          const sideAb = ab.choice === "tie" ? "tie" : ab.choice === "A" ? "output" : "reference";
          const sideBa = ba.choice === "tie" ? "tie" : ba.choice === "B" ? "output" : "reference";
          const outcome = countPair(tally, ab.choice, ba.choice, sideAb, sideBa);
          const value = outcome === "win" ? 1 : outcome === "loss" ? 0 : 0.5;
          noteLabel(tally, input.caseId, input.repeat, outcome === "win" ? 2 : outcome === "loss" ? 0 : 1);
          const reasons = [ab.reason, ba.reason].filter((r) => r !== null);
          verdicts.set(key, { value, detail: { verdict: outcome, output_first: sideAb, reference_first: sideBa, ...reasons.length ? { reason: reasons.join(" | ") } : {} } });
        }
      }
    };
  }
};
async function judgeOnce(ask, request) {
  let text;
  try {
    text = (await ask.complete(request)).text;
  } catch (err) {
    return { ok: false, kind: "request", message: `judge request failed: ${requestFailure(err)}`, raw: null };
  }
  const v = parsePairwiseVerdict(text);
  return v.ok ? v : { ok: false, kind: "parse", message: `judge answer did not parse: ${v.error}`, raw: text };
}
function countPair(t, abChoice, baChoice, sideAb, sideBa) {
  const pw = t.pairwise;
  pw.pairs++;
  for (const choice of [abChoice, baChoice]) {
    if (choice === "tie") continue;
    pw.decisive_verdicts++;
    if (choice === "A") pw.first_position_wins++;
  }
  const outcome = sideAb !== sideBa ? "inconsistent" : sideAb === "output" ? "win" : sideAb === "reference" ? "loss" : "tie";
  if (outcome === "win") pw.wins++;
  else if (outcome === "loss") pw.losses++;
  else if (outcome === "tie") pw.ties++;
  else pw.inconsistent++;
  t.distribution[outcome] = (t.distribution[outcome] ?? 0) + 1;
  return outcome;
}

// src/core/eval/scorers/judge-rubric.ts
var schema2 = scorerSchema("judge_rubric", {
  /** The judge: any OpenAI-compatible chat endpoint. */
  target: remoteTargetSchema,
  /** The judge's prompt; omitted: templates/judges/rubric.jinja. */
  prompt: judgePromptSchema.optional(),
  /** What a good answer is, in words; the template shows it to the judge. */
  rubric: external_exports.string().min(1).max(2e4),
  /** 1..N (N from 2 to 10), or pass_fail. */
  scale: external_exports.union([external_exports.number().int().min(2).max(10), external_exports.literal("pass_fail")]).default(5),
  calibration: calibrationSchema.optional()
});
var judgeRubric = {
  type: "judge_rubric",
  schema: schema2,
  create(config) {
    const c = config;
    const prompt = c.loaded_prompt ? judgePrompt(c.loaded_prompt, c.name ?? c.type, c.target) : void 0;
    const categories = c.scale === "pass_fail" ? ["fail", "pass"] : Array.from({ length: c.scale }, (_, i) => String(i + 1));
    const tally = emptyTally(categories, prompt);
    const verdicts = /* @__PURE__ */ new Map();
    const requestFor = (input) => (prompt ?? judgePrompt(c.loaded_prompt, c.name ?? c.type, c.target)).render(
      { input: input.prompt, output: input.output, expected: input.expected ?? null, vars: input.vars, rubric: c.rubric, scale: c.scale, pass_fail: c.scale === "pass_fail" },
      input.caseId
    );
    return {
      ...scorerBase(c),
      signature: `judge_rubric|model:${c.target.model}|scale:${c.scale}|prompt:${prompt ? `${prompt.source}@${prompt.hash.slice(0, 12)}` : "-"}`,
      tally: () => tally,
      score(input) {
        return verdicts.get(sampleKey(input)) ?? { value: null, detail: { error: "not judged yet" } };
      },
      remote: {
        target: c.target,
        preview: (input) => requestFor(input),
        async prepare(input, ask) {
          const request = requestFor(input);
          tally.samples++;
          let text;
          try {
            text = (await ask.complete(request)).text;
          } catch (err) {
            const message = `judge request failed: ${requestFailure(err)}`;
            noteError(tally, "request", message, null);
            verdicts.set(sampleKey(input), { value: null, detail: { error: message } });
            return;
          }
          const v = parseRubricVerdict(text, c.scale);
          if (!v.ok) {
            const message = `judge answer did not parse: ${v.error}`;
            noteError(tally, "parse", message, text);
            verdicts.set(sampleKey(input), { value: null, detail: { error: message, raw: rawExcerpt(text) } });
            return;
          }
          const label = c.scale === "pass_fail" ? v.score : v.score - 1;
          const shown = categories[label];
          tally.distribution[shown] = (tally.distribution[shown] ?? 0) + 1;
          noteLabel(tally, input.caseId, input.repeat, label);
          const value = c.scale === "pass_fail" ? v.score : (v.score - 1) / (c.scale - 1);
          verdicts.set(sampleKey(input), { value, detail: { verdict: shown, ...v.reason !== null ? { reason: v.reason } : {} } });
        }
      }
    };
  }
};

// src/core/eval/scorers/embedding-similarity.ts
var schema3 = scorerSchema("embedding_similarity", {
  /** The embedding model's endpoint (…/v1; requests go to …/v1/embeddings). */
  target: remoteTargetSchema
});
function cosine(a, b) {
  if (a.length !== b.length) return null;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  if (na === 0 || nb === 0) return 0;
  return dot / Math.sqrt(na * nb);
}
var embeddingSimilarity = {
  type: "embedding_similarity",
  schema: schema3,
  create(c) {
    const tally = emptyTally([], void 0);
    const results = /* @__PURE__ */ new Map();
    return {
      ...scorerBase(c),
      signature: `embedding_similarity|model:${c.target.model}|cosine|clip:0`,
      tally: () => tally,
      score(input) {
        if (referencesOf(input.expected) === null) return { value: null };
        return results.get(sampleKey(input)) ?? { value: null, detail: { error: "not embedded yet" } };
      },
      remote: {
        target: c.target,
        preview: (input) => referencesOf(input.expected) === null ? null : { api: "embeddings", model: c.target.model, input: [input.output] },
        async prepare(input, ask) {
          const refs = referencesOf(input.expected);
          if (refs === null) return;
          tally.samples++;
          let vectors;
          try {
            vectors = await Promise.all([input.output, ...refs].map(async (text) => (await ask.embed({ api: "embeddings", model: c.target.model, input: [text] })).vectors[0]));
          } catch (err) {
            const message = `embedding request failed: ${requestFailure(err)}`;
            noteError(tally, "request", message, null);
            results.set(sampleKey(input), { value: null, detail: { error: message } });
            return;
          }
          let best = -Infinity;
          for (const ref of vectors.slice(1)) {
            const c2 = cosine(vectors[0], ref);
            if (c2 === null) {
              const message = `embedding vectors differ in length (${vectors[0].length} and ${ref.length}); the endpoint answered with vectors of two sizes`;
              noteError(tally, "parse", message, null);
              results.set(sampleKey(input), { value: null, detail: { error: message } });
              return;
            }
            best = Math.max(best, c2);
          }
          results.set(sampleKey(input), { value: Math.max(0, best), detail: { cosine: Math.round(best * 1e6) / 1e6 } });
        }
      }
    };
  }
};

// src/core/eval/scorers/latency.ts
var budget = external_exports.number().positive();
var schema4 = scorerSchema("latency", {
  /** Per-sample budget for the whole response, in ms. */
  max_ms: budget.optional(),
  /** Per-sample budget for the first token (streaming), in ms. */
  max_ttft_ms: budget.optional(),
  /** Run-level budgets on percentiles, in ms (checked in summary.json). */
  p50_ms: budget.optional(),
  p95_ms: budget.optional(),
  p99_ms: budget.optional(),
  ttft_p50_ms: budget.optional(),
  ttft_p95_ms: budget.optional(),
  ttft_p99_ms: budget.optional()
});
var RUN_BUDGET_KEYS = ["p50_ms", "p95_ms", "p99_ms", "ttft_p50_ms", "ttft_p95_ms", "ttft_p99_ms"];
var latency = {
  type: "latency",
  schema: schema4,
  create(c) {
    const budgets = Object.fromEntries(RUN_BUDGET_KEYS.filter((k) => c[k] !== void 0).map((k) => [k, c[k]]));
    return {
      ...scorerBase(c),
      runBudgets: budgets,
      signature: `latency|max_ms:${c.max_ms ?? "-"}|max_ttft_ms:${c.max_ttft_ms ?? "-"}|${RUN_BUDGET_KEYS.map((k) => `${k}:${c[k] ?? "-"}`).join("|")}`,
      score({ latencyMs, ttftMs }) {
        if (c.max_ms === void 0 && c.max_ttft_ms === void 0) return { value: null };
        let ok = true;
        if (c.max_ms !== void 0) ok &&= latencyMs <= c.max_ms;
        if (c.max_ttft_ms !== void 0) {
          if (ttftMs === null) return { value: null, detail: { reason: "no time to first token (not streaming)" } };
          ok &&= ttftMs <= c.max_ttft_ms;
        }
        return { value: ok ? 1 : 0 };
      }
    };
  }
};

// src/core/eval/scorers/json-schema.ts
var import_ajv = __toESM(require_ajv(), 1);
var import__ = __toESM(require__(), 1);
var import__2 = __toESM(require__2(), 1);
var MAX_ERRORS = 5;
var jsonSchemaSchema = scorerSchema("json_schema", {
  /** The JSON Schema, inline (draft 2020-12 unless it names another `$schema` Ajv 2020 supports). */
  schema: external_exports.record(external_exports.string(), external_exports.unknown()).optional(),
  /** A JSON or YAML file holding the schema, relative to the suite file (read by the loader). */
  schema_file: external_exports.string().min(1).optional(),
  /** Parse the first ``` fenced block (```json or bare) when the output has one. */
  fenced: external_exports.boolean().default(false)
}).superRefine((c, ctx) => {
  if (c.schema === void 0 === (c.schema_file === void 0)) {
    ctx.addIssue({ code: "custom", path: ["schema"], message: "give exactly one of schema (inline) or schema_file" });
  }
});
function formatError(e) {
  return `${e.instancePath || "/"} ${e.message ?? e.keyword}`;
}
function schemaDraftOf(schema5) {
  const declared = typeof schema5.$schema === "string" ? schema5.$schema : "";
  if (declared.includes("draft-07")) return "draft-07";
  if (declared.includes("2019-09")) return "2019-09";
  return "2020-12";
}
function compileJsonSchema(schema5, scorerName) {
  const options = { allErrors: true, strict: false, validateFormats: false };
  const draft = schemaDraftOf(schema5);
  const ajv = draft === "draft-07" ? new import_ajv.Ajv(options) : draft === "2019-09" ? new import__.Ajv2019(options) : new import__2.Ajv2020(options);
  try {
    return ajv.compile(schema5);
  } catch (e) {
    throw new ConfigError(`scorer "${scorerName}": invalid JSON Schema: ${e.message}`, {
      hint: "check the schema against draft 2020-12"
    });
  }
}
var jsonSchema = {
  type: "json_schema",
  schema: jsonSchemaSchema,
  create(c) {
    const base = scorerBase(c);
    const name = base.name;
    if (c.schema === void 0) {
      throw new ConfigError(`scorer "${name}": schema_file "${c.schema_file}" was not loaded`, {
        hint: "the suite loader must read schema_file and pass its content as schema"
      });
    }
    const validate = compileJsonSchema(c.schema, name);
    const draft = schemaDraftOf(c.schema);
    return {
      ...base,
      signature: `json_schema|draft:${draft}|fenced:${c.fenced ? "yes" : "no"}|schema:${c.schema_file ?? "inline"}`,
      score({ output }) {
        const parsed = parseJsonOutput(output, c.fenced);
        if (!parsed.ok) return { value: 0, detail: { error: parsed.error } };
        if (validate(parsed.value)) return { value: 1 };
        const errors = validate.errors ?? [];
        return { value: 0, detail: { errors: errors.slice(0, MAX_ERRORS).map(formatError), error_count: errors.length } };
      }
    };
  }
};

// src/core/eval/scorers/json-valid.ts
var jsonValidSchema = scorerSchema("json_valid", {
  /** Parse the first ``` fenced block (```json or bare) when the output has one. */
  fenced: external_exports.boolean().default(false)
});
var jsonValid = {
  type: "json_valid",
  schema: jsonValidSchema,
  create(c) {
    return {
      ...scorerBase(c),
      signature: `json_valid|fenced:${c.fenced ? "yes" : "no"}`,
      score({ output }) {
        const parsed = parseJsonOutput(output, c.fenced);
        return parsed.ok ? { value: 1, detail: { source: parsed.source } } : { value: 0, detail: { error: parsed.error } };
      }
    };
  }
};

// src/core/eval/scorers/levenshtein.ts
var levenshteinSchema = scorerSchema("levenshtein", {
  /** Lower-case both sides first. */
  ignore_case: external_exports.boolean().default(false),
  /** Trim both sides first. */
  trim: external_exports.boolean().default(true)
});
function toCodes(s) {
  const out = new Int32Array(s.length);
  let n = 0;
  for (const ch of s) out[n++] = ch.codePointAt(0);
  return out.subarray(0, n);
}
function levenshteinDistance(a, b) {
  let x = toCodes(a);
  let y = toCodes(b);
  if (x.length < y.length) [x, y] = [y, x];
  if (y.length === 0) return x.length;
  let prev = new Int32Array(y.length + 1);
  let cur = new Int32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const sub = prev[j - 1] + (xi === y[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? sub < ins ? sub : ins : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length];
}
function levenshteinSimilarity(a, b) {
  const longest = Math.max(Array.from(a).length, Array.from(b).length);
  const distance = levenshteinDistance(a, b);
  return { similarity: longest === 0 ? 1 : 1 - distance / longest, distance };
}
var levenshtein = {
  type: "levenshtein",
  schema: levenshteinSchema,
  create(c) {
    const prep = (s) => {
      const t = c.trim ? s.trim() : s;
      return c.ignore_case ? t.toLowerCase() : t;
    };
    return {
      ...scorerBase(c),
      signature: `levenshtein|unit:codepoint|norm:max-len|case:${c.ignore_case ? "ignore" : "keep"}|trim:${c.trim ? "yes" : "no"}`,
      score({ output, expected }) {
        const refs = referencesOf(expected);
        if (!refs || refs.length === 0) return { value: null };
        const out = prep(output);
        let best = { similarity: -1, distance: 0 };
        for (const r of refs) {
          const s = levenshteinSimilarity(out, prep(r));
          if (s.similarity > best.similarity) best = s;
        }
        return { value: best.similarity, detail: { distance: best.distance } };
      }
    };
  }
};

// src/core/eval/scorers/regex.ts
var ALLOWED_FLAGS = /^[imsu]*$/;
function compile2(pattern, flags) {
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    return e.message;
  }
}
var regexSchema = scorerSchema("regex", {
  /** A JavaScript regular expression; defaults to the case's expected value (any of a list). */
  pattern: external_exports.string().min(1).optional(),
  /** Flags: any of i (ignore case), m (multiline ^$), s (dot matches newline), u (Unicode). */
  flags: external_exports.string().regex(ALLOWED_FLAGS, "use only the flags i, m, s, u").default(""),
  /** Invert: 1 when the output does NOT match. */
  must_not_match: external_exports.boolean().default(false)
}).superRefine((c, ctx) => {
  if (c.pattern === void 0) return;
  const re = compile2(c.pattern, c.flags);
  if (typeof re === "string") ctx.addIssue({ code: "custom", path: ["pattern"], message: `not a valid regular expression: ${re}` });
});
var regex = {
  type: "regex",
  schema: regexSchema,
  create(c) {
    const fixed = c.pattern === void 0 ? void 0 : compile2(c.pattern, c.flags);
    if (typeof fixed === "string") throw new ConfigError(`scorer "${c.name ?? c.type}": pattern is not a valid regular expression: ${fixed}`);
    return {
      ...scorerBase(c),
      signature: `regex|flags:${c.flags || "none"}|invert:${c.must_not_match ? "yes" : "no"}|pattern:${c.pattern === void 0 ? "expected" : JSON.stringify(c.pattern)}`,
      score({ output, expected }) {
        const patterns = fixed ? [fixed] : referencesOf(expected)?.map((p) => compile2(p, c.flags));
        if (!patterns || patterns.length === 0) return { value: null };
        const bad = patterns.find((p) => typeof p === "string");
        if (bad !== void 0) return { value: null, detail: { error: `expected value is not a valid regular expression: ${bad}` } };
        const hit = patterns.find((re) => re.test(output));
        const matched = hit !== void 0;
        return {
          value: matched !== c.must_not_match ? 1 : 0,
          detail: matched ? { matched: (output.match(hit) ?? [""])[0].slice(0, 200) } : { matched: null }
        };
      }
    };
  }
};

// src/core/eval/scorers/rouge-math.ts
var ZERO = { precision: 0, recall: 0, fmeasure: 0 };
function rougeTokenize(text, stem) {
  const tokens2 = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  if (!stem) return tokens2;
  return tokens2.map((t) => t.length > 3 ? stem(t) : t).filter((t) => /^[a-z0-9]+$/.test(t));
}
function fmeasure(precision, recall) {
  return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
}
function ngramCounts(tokens2, n) {
  const m = /* @__PURE__ */ new Map();
  for (let i = 0; i + n <= tokens2.length; i++) {
    const key = n === 1 ? tokens2[i] : tokens2.slice(i, i + n).join(" ");
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}
function rougeN(target, prediction, n) {
  const t = ngramCounts(target, n);
  const p = ngramCounts(prediction, n);
  let overlap = 0;
  for (const [k, c] of t) overlap += Math.min(c, p.get(k) ?? 0);
  const tCount = Math.max(target.length - n + 1, 0);
  const pCount = Math.max(prediction.length - n + 1, 0);
  const precision = overlap / Math.max(pCount, 1);
  const recall = overlap / Math.max(tCount, 1);
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}
function lcsLength(a, b) {
  if (a.length === 0 || b.length === 0) return 0;
  const ids = /* @__PURE__ */ new Map();
  const idOf = (t) => {
    let id = ids.get(t);
    if (id === void 0) ids.set(t, id = ids.size);
    return id;
  };
  const ai = Int32Array.from(a, idOf);
  const bi = Int32Array.from(b, idOf);
  let prev = new Int32Array(bi.length + 1);
  let cur = new Int32Array(bi.length + 1);
  for (let i = 1; i <= ai.length; i++) {
    const x = ai[i - 1];
    for (let j = 1; j <= bi.length; j++) {
      if (x === bi[j - 1]) cur[j] = prev[j - 1] + 1;
      else cur[j] = Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[bi.length];
}
function rougeL(target, prediction) {
  if (target.length === 0 || prediction.length === 0) return ZERO;
  const lcs = lcsLength(target, prediction);
  const precision = lcs / prediction.length;
  const recall = lcs / target.length;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

// src/core/eval/scorers/porter.ts
var IRREGULAR = /* @__PURE__ */ new Map([
  ["sky", "sky"],
  ["skies", "sky"],
  ["dying", "die"],
  ["lying", "lie"],
  ["tying", "tie"],
  ["news", "news"],
  ["innings", "inning"],
  ["inning", "inning"],
  ["outings", "outing"],
  ["outing", "outing"],
  ["cannings", "canning"],
  ["canning", "canning"],
  ["howe", "howe"],
  ["proceed", "proceed"],
  ["exceed", "exceed"],
  ["succeed", "succeed"]
]);
var isVowelLetter = (ch) => ch === "a" || ch === "e" || ch === "i" || ch === "o" || ch === "u";
function consonantFlags(word) {
  const flags = [];
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (isVowelLetter(ch)) flags.push(false);
    else if (ch === "y") flags.push(i === 0 ? true : !flags[i - 1]);
    else flags.push(true);
  }
  return flags;
}
var isConsonant = (word, i) => consonantFlags(word)[i] === true;
function measure(stem) {
  const f = consonantFlags(stem);
  let m = 0;
  for (let i = 1; i < f.length; i++) if (!f[i - 1] && f[i]) m++;
  return m;
}
var positiveMeasure = (stem) => measure(stem) > 0;
var containsVowel = (stem) => consonantFlags(stem).some((c) => !c);
function endsDoubleConsonant(word) {
  return word.length >= 2 && word[word.length - 1] === word[word.length - 2] && isConsonant(word, word.length - 1);
}
function endsCvc(word) {
  const n = word.length;
  if (n >= 3) {
    const f = consonantFlags(word);
    const last = word[n - 1];
    if (f[n - 3] && !f[n - 2] && f[n - 1] && last !== "w" && last !== "x" && last !== "y") return true;
  }
  return n === 2 && !isConsonant(word, 0) && isConsonant(word, 1);
}
function applyRules(word, rules) {
  for (const [suffix, replacement, condition] of rules) {
    if (suffix === "*d" && endsDoubleConsonant(word)) {
      const stem = word.slice(0, -2);
      return condition === null || condition(stem) ? stem + replacement : word;
    }
    if (word.endsWith(suffix)) {
      const stem = word.slice(0, word.length - suffix.length);
      return condition === null || condition(stem) ? stem + replacement : word;
    }
  }
  return word;
}
function step1a(word) {
  if (word.endsWith("ies") && word.length === 4) return word.slice(0, -3) + "ie";
  return applyRules(word, [
    ["sses", "ss", null],
    ["ies", "i", null],
    ["ss", "ss", null],
    ["s", "", null]
  ]);
}
function step1b(word) {
  if (word.endsWith("ied")) return word.slice(0, -3) + (word.length === 4 ? "ie" : "i");
  if (word.endsWith("eed")) {
    const stem2 = word.slice(0, -3);
    return measure(stem2) > 0 ? stem2 + "ee" : word;
  }
  let stem;
  for (const suffix of ["ed", "ing"]) {
    if (word.endsWith(suffix)) {
      const s = word.slice(0, -suffix.length);
      if (containsVowel(s)) {
        stem = s;
        break;
      }
    }
  }
  if (stem === void 0) return word;
  const lastLetter = stem[stem.length - 1];
  return applyRules(stem, [
    ["at", "ate", null],
    ["bl", "ble", null],
    ["iz", "ize", null],
    ["*d", lastLetter, () => lastLetter !== "l" && lastLetter !== "s" && lastLetter !== "z"],
    ["", "e", (s) => measure(s) === 1 && endsCvc(s)]
  ]);
}
function step1c(word) {
  return applyRules(word, [["y", "i", (s) => s.length > 1 && isConsonant(s, s.length - 1)]]);
}
function step2(word) {
  if (word.endsWith("alli") && positiveMeasure(word.slice(0, -4))) return step2(word.slice(0, -4) + "al");
  const p = positiveMeasure;
  return applyRules(word, [
    ["ational", "ate", p],
    ["tional", "tion", p],
    ["enci", "ence", p],
    ["anci", "ance", p],
    ["izer", "ize", p],
    ["bli", "ble", p],
    ["alli", "al", p],
    ["entli", "ent", p],
    ["eli", "e", p],
    ["ousli", "ous", p],
    ["ization", "ize", p],
    ["ation", "ate", p],
    ["ator", "ate", p],
    ["alism", "al", p],
    ["iveness", "ive", p],
    ["fulness", "ful", p],
    ["ousness", "ous", p],
    ["aliti", "al", p],
    ["iviti", "ive", p],
    ["biliti", "ble", p],
    ["fulli", "ful", p],
    ["logi", "log", () => positiveMeasure(word.slice(0, -3))]
  ]);
}
function step3(word) {
  const p = positiveMeasure;
  return applyRules(word, [
    ["icate", "ic", p],
    ["ative", "", p],
    ["alize", "al", p],
    ["iciti", "ic", p],
    ["ical", "ic", p],
    ["ful", "", p],
    ["ness", "", p]
  ]);
}
function step4(word) {
  const m1 = (s) => measure(s) > 1;
  return applyRules(word, [
    ["al", "", m1],
    ["ance", "", m1],
    ["ence", "", m1],
    ["er", "", m1],
    ["ic", "", m1],
    ["able", "", m1],
    ["ible", "", m1],
    ["ant", "", m1],
    ["ement", "", m1],
    ["ment", "", m1],
    ["ent", "", m1],
    ["ion", "", (s) => measure(s) > 1 && (s.endsWith("s") || s.endsWith("t"))],
    ["ou", "", m1],
    ["ism", "", m1],
    ["ate", "", m1],
    ["iti", "", m1],
    ["ous", "", m1],
    ["ive", "", m1],
    ["ize", "", m1]
  ]);
}
function step5a(word) {
  if (!word.endsWith("e")) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  return m > 1 || m === 1 && !endsCvc(stem) ? stem : word;
}
function step5b(word) {
  return applyRules(word, [["ll", "l", () => measure(word.slice(0, -1)) > 1]]);
}
function porterStem(word) {
  const w = word.toLowerCase();
  const irregular = IRREGULAR.get(w);
  if (irregular !== void 0) return irregular;
  if (word.length <= 2) return w;
  return step5b(step5a(step4(step3(step2(step1c(step1b(step1a(w))))))));
}

// src/core/eval/scorers/rouge.ts
var STEM_CACHE_LIMIT = 1e5;
function memoised(fn) {
  const cache = /* @__PURE__ */ new Map();
  return (word) => {
    let s = cache.get(word);
    if (s === void 0) {
      if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
      s = fn(word);
      cache.set(word, s);
    }
    return s;
  };
}
function rougeDef(type) {
  const schema5 = scorerSchema(type, {
    /** Porter-stem tokens longer than 3 characters (rouge-score use_stemmer; NLTK's Porter). */
    use_stemmer: external_exports.boolean().default(false)
  });
  const compute = (t, p) => type === "rouge_l" ? rougeL(t, p) : rougeN(t, p, type === "rouge1" ? 1 : 2);
  const def = {
    type,
    schema: schema5,
    create(c) {
      const stem = c.use_stemmer ? memoised(porterStem) : void 0;
      return {
        ...scorerBase(c),
        signature: formatSignature([
          ["type", type === "rouge_l" ? "rougeL" : type],
          ["tok", "rouge-score-default"],
          ["stem", c.use_stemmer ? "porter-nltk" : "no"],
          ["multi", "max-f"]
        ]),
        score({ output, expected }) {
          const refs = referencesOf(expected);
          if (!refs || refs.length === 0) return { value: null };
          const prediction = rougeTokenize(output, stem);
          let best;
          for (const ref of refs) {
            const s = compute(rougeTokenize(ref, stem), prediction);
            if (best === void 0 || s.fmeasure > best.fmeasure) best = s;
          }
          const b = best;
          return { value: b.fmeasure, detail: { precision: b.precision, recall: b.recall } };
        }
      };
    }
  };
  return def;
}
var rouge1 = rougeDef("rouge1");
var rouge2 = rougeDef("rouge2");
var rougeLScorer = rougeDef("rouge_l");

// src/core/eval/scorers/registry.ts
var scorerDefinitions = [
  exactMatch,
  contains,
  icontains,
  regex,
  jsonValid,
  jsonSchema,
  jsonFields,
  levenshtein,
  bleu,
  chrf,
  rouge1,
  rouge2,
  rougeLScorer,
  tokens,
  cost,
  latency,
  judgeRubric,
  judgePairwise,
  embeddingSimilarity
];
var scorerTypes = scorerDefinitions.map((d) => d.type);
var scorerConfigSchema = external_exports.discriminatedUnion(
  "type",
  scorerDefinitions.map((d) => d.schema)
);
function createScorers(configs) {
  const scorers = configs.map((c) => {
    const def = scorerDefinitions.find((d) => d.type === c.type);
    if (!def) throw new ConfigError(`unknown scorer type "${c.type}"`);
    return def.create(c);
  });
  const seen = /* @__PURE__ */ new Set();
  for (const s of scorers) {
    if (seen.has(s.name)) throw new ConfigError(`two scorers are named "${s.name}"`, { hint: `give one of them a distinct "name:"` });
    seen.add(s.name);
  }
  return scorers;
}

// src/core/gate/policy.ts
var percent = external_exports.string().regex(/^\d+(\.\d+)?%$/, 'expected a number or a percentage such as "5%"').refine((s) => Number(s.slice(0, -1)) <= 1e3, "expected a percentage of at most 1000%");
var marginSchema = external_exports.union([external_exports.number().nonnegative().max(1), percent]);
var budget2 = external_exports.number().nonnegative().max(1e9);
var budgetMarginSchema = external_exports.union([budget2, percent]);
var metricPolicySchema = external_exports.strictObject({
  greater_is_better: external_exports.boolean().optional(),
  threshold: external_exports.number().min(0).max(1).optional(),
  max_regression: marginSchema.optional(),
  min_improvement: marginSchema.optional(),
  min_absolute_change: external_exports.number().nonnegative().max(1).optional(),
  min_relative_change: external_exports.number().nonnegative().max(10).optional(),
  gate: external_exports.boolean().optional()
}).refine(
  (m) => m.threshold !== void 0 || m.max_regression !== void 0 || m.min_improvement !== void 0 || m.min_absolute_change !== void 0 || m.min_relative_change !== void 0,
  { message: "a gated metric needs at least one rule: threshold, max_regression, min_improvement, min_absolute_change or min_relative_change" }
);
var latencySchema = external_exports.strictObject({
  p95_max_ms: external_exports.number().positive().max(864e5).optional(),
  p95_max_regression: budgetMarginSchema.optional()
});
var costSchema2 = external_exports.strictObject({
  max_per_case: budget2.optional(),
  max_total: budget2.optional(),
  max_regression: budgetMarginSchema.optional()
});
var gatePolicySchema = external_exports.strictObject({
  metrics: external_exports.record(external_exports.string().min(1).max(64), metricPolicySchema).default({}),
  latency: latencySchema.optional(),
  cost: costSchema2.optional(),
  confidence: external_exports.number().min(0.5).max(0.9999).default(0.95),
  inconclusive: external_exports.enum(["fail", "pass", "neutral"]).default("fail"),
  bootstrap_resamples: external_exports.number().int().min(200).max(1e6).default(1e4),
  seed: external_exports.number().int().min(0).max(4294967295).default(1),
  require_metrics: external_exports.boolean().default(true)
});
function defaultPolicy() {
  return gatePolicySchema.parse({});
}
function defaultGatePolicy(metrics) {
  return gatePolicySchema.parse({ metrics: Object.fromEntries(metrics.map((m) => [m, { max_regression: 0.02 }])) });
}
function parseGatePolicy(text, file) {
  const doc = parseYamlSource(text, file);
  const root = doc.value;
  const isMapping = root !== null && typeof root === "object" && !Array.isArray(root);
  const wrappedOnly = isMapping && Object.keys(root).length === 1 && "gate" in root;
  if (isMapping && ("scorers" in root || wrappedOnly)) {
    if (!("gate" in root) || root.gate == null) {
      throw new ConfigError(`${file}: this suite has no gate: key`, { hint: "add a gate: mapping to the suite (docs/compare-and-gate.md) or pass a policy file" });
    }
    const sub = { file, value: { gate: root.gate }, locate: doc.locate };
    const wrapped = validateConfig(external_exports.strictObject({ gate: gatePolicySchema }), sub, "gate policy");
    return { policy: wrapped.gate, source: wrappedOnly ? file : `${file} (gate:)` };
  }
  return { policy: validateConfig(gatePolicySchema, doc, "gate policy"), source: file };
}
function resolveMargin(spec, baselineMean) {
  if (typeof spec === "number") return { spec, absolute: spec, relative: false };
  const pct = Number(spec.slice(0, -1)) / 100;
  if (baselineMean === null || !(baselineMean > 0)) return null;
  return { spec, absolute: pct * baselineMean, relative: true };
}
function improvementSpecs(m) {
  const out = [];
  if (m.min_improvement !== void 0) out.push({ field: "min_improvement", spec: m.min_improvement });
  if (m.min_absolute_change !== void 0) out.push({ field: "min_absolute_change", spec: m.min_absolute_change });
  if (m.min_relative_change !== void 0) out.push({ field: "min_relative_change", spec: `${m.min_relative_change * 100}%` });
  return out;
}

// src/core/gate/decidable.ts
var BINARY_SCORER_TYPES = /* @__PURE__ */ new Set(["exact_match", "contains", "icontains", "regex", "json_valid", "json_schema"]);
function identicalRunsBound(n, confidence) {
  if (n <= 0) return 1;
  return -tangoInterval({ both: 0, broke: 0, fixed: 0, neither: n }, confidence)[0];
}
function casesToDecide(margin, confidence) {
  if (!(margin > 0)) return null;
  let hi = 8;
  while (identicalRunsBound(hi, confidence) >= margin) {
    hi *= 2;
    if (hi > 1e7) return null;
  }
  let lo = Math.max(1, hi / 2);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (identicalRunsBound(mid, confidence) < margin) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}
var points = (x) => `${Number((x * 100).toPrecision(2))} point${x === 0.01 ? "" : "s"}`;
function explainMargin(metric, margin, cases, smallest, needed) {
  if (margin > smallest) return `${metric}: with ${cases} cases the smallest regression this suite can rule out is ${points(smallest)}; the margin of ${points(margin)} can be decided`;
  return `${metric}: with ${cases} cases the smallest regression this suite can rule out is ${points(smallest)}; a max_regression of ${points(margin)} ${needed ? `needs about ${needed} cases` : "can never be decided"} \u2014 add cases, widen the margin, or use repeats (or set inconclusive: neutral)`;
}
function planMargins(policy, types, cases, repeats) {
  const out = [];
  if (repeats !== 1) return out;
  for (const [metric, rule] of Object.entries(policy.metrics)) {
    if (rule.gate === false || typeof rule.max_regression !== "number") continue;
    const type = types.get(metric);
    if (type === void 0 || !BINARY_SCORER_TYPES.has(type)) continue;
    const margin = rule.max_regression;
    const smallest = identicalRunsBound(cases, policy.confidence);
    const decidable = margin > smallest;
    const needed = decidable ? null : casesToDecide(margin, policy.confidence);
    out.push({ metric, margin, cases, repeats, smallest, decidable, cases_needed: needed, message: explainMargin(metric, margin, cases, smallest, needed) });
  }
  return out;
}

// src/core/gate/evaluate.ts
var fmt = (x, digits = 4) => x === null || x === void 0 || !Number.isFinite(x) ? "n/a" : Number(x.toPrecision(digits)).toString();
var fmtCi = (ci) => ci ? `[${fmt(ci[0])}, ${fmt(ci[1])}]` : "n/a";
function atLeast(ci, limit) {
  if (ci[0] > limit) return "pass";
  if (ci[1] < limit) return "fail";
  return "inconclusive";
}
function atMost(ci, limit) {
  if (ci[1] < limit) return "pass";
  if (ci[0] > limit) return "fail";
  return "inconclusive";
}
function adviseDelta(row, gap, alpha) {
  if (!(Math.abs(gap) > 0)) return { cases_needed: null, repeats_needed: null };
  let cases = null;
  if (row.sd_diff !== null && row.sd_diff > 0) cases = casesNeeded(row.sd_diff, gap, alpha);
  else if (row.ci) cases = casesNeededFromSe((row.ci[1] - row.ci[0]) / (2 * normalQuantile(1 - alpha / 2)), row.n, gap, alpha);
  let repeats = null;
  const k = Math.max(row.repeats.baseline, row.repeats.candidate);
  if (row.sd_diff !== null && row.sd_within !== null && k >= 1) {
    const between = Math.sqrt(Math.max(0, row.sd_diff ** 2 - row.sd_within ** 2 / k));
    repeats = repeatsNeeded(between, row.sd_within, row.n, gap, alpha);
  }
  return { cases_needed: cases, repeats_needed: repeats };
}
function adviseSide(ci, n, gap, alpha) {
  if (!ci || !(Math.abs(gap) > 0)) return { cases_needed: null, repeats_needed: null };
  return { cases_needed: casesNeededFromSe((ci[1] - ci[0]) / (2 * normalQuantile(1 - alpha / 2)), n, gap, alpha), repeats_needed: null };
}
function undecidable(name, row, margin, confidence) {
  if (row.kind !== "binary" || row.repeats.baseline > 1 || row.repeats.candidate > 1) return {};
  const smallest = identicalRunsBound(row.n, confidence);
  if (margin > smallest) return {};
  return { undecidable: explainMargin(name, margin, row.n, smallest, casesToDecide(margin, confidence)) };
}
function metricChecks(name, rule, row, policy, known, source) {
  const alpha = 1 - policy.confidence;
  const base = { subject: name, cases_needed: null, repeats_needed: null };
  if (!row && policy.require_metrics) {
    throw new ConfigError(`${source}: gate.metrics.${name}: neither run has a metric named "${name}"${didYouMean(name, known)}`, {
      hint: known.length ? `the runs' metrics are: ${known.join(", ")}` : "the runs have no metrics; check that both are eval run directories"
    });
  }
  if (!row || row.n === 0 || row.delta === null) {
    const verdict = policy.require_metrics ? "fail" : "inconclusive";
    return [
      {
        ...base,
        id: `${name}/presence`,
        kind: "presence",
        verdict,
        estimate: null,
        interval: null,
        limit: null,
        message: row ? `${name}: no case has a value on both sides` : `${name}: the policy gates this metric but neither run has it${didYouMean(name, known)}`
      }
    ];
  }
  const up = rule.greater_is_better ?? row.higher_is_better;
  const s = up ? 1 : -1;
  const checks = [];
  const imp = s * row.delta;
  const impCi = row.ci ? up ? [row.ci[0], row.ci[1]] : [-row.ci[1], -row.ci[0]] : null;
  if (rule.threshold !== void 0) {
    const ci = row.candidate.ci;
    const thr = rule.threshold;
    const verdict = ci ? up ? atLeast(ci, thr) : atMost(ci, thr) : "inconclusive";
    checks.push({
      ...base,
      ...verdict === "inconclusive" ? adviseSide(ci, row.n, (row.candidate.mean ?? thr) - thr, alpha) : {},
      id: `${name}/threshold`,
      kind: "floor",
      verdict,
      estimate: row.candidate.mean,
      interval: ci,
      limit: thr,
      message: `${name}: candidate ${fmt(row.candidate.mean)} ${fmtCi(ci)} must be ${up ? "\u2265" : "\u2264"} ${fmt(thr)}`
    });
  }
  if (rule.max_regression !== void 0) {
    const m = resolveMargin(rule.max_regression, row.baseline.mean);
    if (!m) {
      checks.push({ ...base, id: `${name}/max_regression`, kind: "non_inferiority", verdict: "inconclusive", estimate: row.delta, interval: row.ci, limit: null, message: `${name}: max_regression ${rule.max_regression} is relative but the baseline mean is ${fmt(row.baseline.mean)} (not positive); use an absolute margin` });
    } else {
      const verdict = impCi ? atLeast(impCi, -m.absolute) : "inconclusive";
      checks.push({
        ...base,
        ...verdict === "inconclusive" ? adviseDelta(row, imp + m.absolute, alpha) : {},
        ...verdict === "inconclusive" ? undecidable(name, row, m.absolute, policy.confidence) : {},
        id: `${name}/max_regression`,
        kind: "non_inferiority",
        verdict,
        estimate: row.delta,
        interval: row.ci,
        limit: -s * m.absolute,
        message: `${name}: \u0394 ${fmt(row.delta)} ${fmtCi(row.ci)} must not be ${up ? "below" : "above"} ${fmt(-s * m.absolute)} (max_regression ${m.relative ? `${m.spec} of ${fmt(row.baseline.mean)}` : m.spec})`
      });
    }
  }
  for (const { field, spec } of improvementSpecs(rule)) {
    const g = resolveMargin(spec, row.baseline.mean);
    if (!g) {
      checks.push({ ...base, id: `${name}/${field}`, kind: "superiority", verdict: "inconclusive", estimate: row.delta, interval: row.ci, limit: null, message: `${name}: ${field} ${spec} is relative but the baseline mean is not positive` });
      continue;
    }
    const verdict = impCi ? atLeast(impCi, g.absolute) : "inconclusive";
    checks.push({
      ...base,
      ...verdict === "inconclusive" ? adviseDelta(row, imp - g.absolute, alpha) : {},
      id: `${name}/${field}`,
      kind: "superiority",
      verdict,
      estimate: row.delta,
      interval: row.ci,
      limit: s * g.absolute,
      message: `${name}: \u0394 ${fmt(row.delta)} ${fmtCi(row.ci)} must be ${up ? "at least" : "at most"} ${fmt(s * g.absolute)} (${field} ${g.relative ? `${g.spec} of ${fmt(row.baseline.mean)}` : g.spec})`
    });
  }
  return checks;
}
function budgetChecks(c, policy) {
  const out = [];
  const none = { cases_needed: null, repeats_needed: null };
  const lat = c.operational.latency;
  if (policy.latency?.p95_max_ms !== void 0) {
    const b = policy.latency.p95_max_ms;
    const ci = lat.candidate_p95_ci;
    out.push({
      ...none,
      id: "latency/p95_max_ms",
      subject: "latency",
      kind: "latency_budget",
      verdict: ci ? atMost(ci, b) : "inconclusive",
      estimate: lat.candidate.p95,
      interval: ci,
      limit: b,
      message: `latency: candidate p95 ${fmt(lat.candidate.p95)} ms ${fmtCi(ci)} must be \u2264 ${fmt(b)} ms`
    });
  }
  if (policy.latency?.p95_max_regression !== void 0) {
    const m = resolveMargin(policy.latency.p95_max_regression, lat.baseline.p95);
    const ci = lat.delta_p95_ci;
    out.push({
      ...none,
      id: "latency/p95_max_regression",
      subject: "latency",
      kind: "latency_budget",
      verdict: ci && m ? atMost(ci, m.absolute) : "inconclusive",
      estimate: lat.delta_p95,
      interval: ci,
      limit: m?.absolute ?? null,
      message: `latency: \u0394p95 ${fmt(lat.delta_p95)} ms ${fmtCi(ci)} must be \u2264 ${m ? `${fmt(m.absolute)} ms` : "n/a (no baseline latency)"}`
    });
  }
  const cost2 = c.operational.cost;
  const cb = policy.cost;
  if (cb && (cb.max_per_case !== void 0 || cb.max_total !== void 0 || cb.max_regression !== void 0) && !cost2) {
    out.push({ ...none, id: "cost/presence", subject: "cost", kind: "cost_budget", verdict: policy.require_metrics ? "fail" : "inconclusive", estimate: null, interval: null, limit: null, message: "cost: the policy sets a cost budget but neither run recorded costs (configure prices in the suite)" });
    return out;
  }
  if (cb?.max_per_case !== void 0 && cost2) {
    const ci = cost2.candidate_per_case_ci;
    out.push({ ...none, id: "cost/max_per_case", subject: "cost", kind: "cost_budget", verdict: ci ? atMost(ci, cb.max_per_case) : "inconclusive", estimate: cost2.candidate.per_case, interval: ci, limit: cb.max_per_case, message: `cost: candidate per case ${fmt(cost2.candidate.per_case)} ${fmtCi(ci)} must be \u2264 ${fmt(cb.max_per_case)}` });
  }
  if (cb?.max_total !== void 0 && cost2) {
    out.push({ ...none, id: "cost/max_total", subject: "cost", kind: "cost_budget", verdict: cost2.candidate_run_total <= cb.max_total ? "pass" : "fail", estimate: cost2.candidate_run_total, interval: null, limit: cb.max_total, message: `cost: candidate run total ${fmt(cost2.candidate_run_total)} must be \u2264 ${fmt(cb.max_total)}` });
  }
  if (cb?.max_regression !== void 0 && cost2) {
    const m = resolveMargin(cb.max_regression, cost2.baseline.per_case);
    const ci = cost2.delta_per_case_ci;
    out.push({ ...none, id: "cost/max_regression", subject: "cost", kind: "cost_budget", verdict: ci && m ? atMost(ci, m.absolute) : "inconclusive", estimate: cost2.delta_per_case, interval: ci, limit: m?.absolute ?? null, message: `cost: \u0394 per case ${fmt(cost2.delta_per_case)} ${fmtCi(ci)} must be \u2264 ${m ? fmt(m.absolute) : "n/a (baseline cost not positive)"}` });
  }
  return out;
}
var RANK = { fail: 0, inconclusive: 1, pass: 2 };
function conclusionFor(verdict, inconclusive) {
  if (verdict === "pass") return "success";
  if (verdict === "fail") return "failure";
  return inconclusive === "neutral" ? "neutral" : inconclusive === "pass" ? "success" : "failure";
}
function evaluateGate(c, policy, source) {
  if (c.unchanged) {
    const check = { id: "unchanged", subject: "candidate", kind: "unchanged", verdict: "pass", estimate: null, interval: null, limit: null, message: c.unchanged.reason, cases_needed: null, repeats_needed: null };
    return { verdict: "pass", blocking: false, conclusion: "success", checks: [check], reasons: [], policy, policy_source: source };
  }
  const checks = [];
  for (const [name, rule] of Object.entries(policy.metrics)) {
    if (rule.gate === false) continue;
    checks.push(...metricChecks(name, rule, c.metrics.find((m) => m.name === name), policy, c.metrics.map((m) => m.name), source));
  }
  checks.push(...budgetChecks(c, policy));
  const verdict = checks.length === 0 ? "inconclusive" : checks.reduce((v, ch) => RANK[ch.verdict] < RANK[v] ? ch.verdict : v, "pass");
  const blocking = verdict === "fail" || verdict === "inconclusive" && policy.inconclusive === "fail";
  const conclusion = conclusionFor(verdict, policy.inconclusive);
  const reasons = checks.filter((ch) => ch.verdict !== "pass").sort((a, b) => RANK[a.verdict] - RANK[b.verdict]).map((ch) => {
    const more = [ch.cases_needed !== null ? `~${ch.cases_needed} paired cases` : null, ch.repeats_needed !== null ? `or ${ch.repeats_needed} repeats per case` : null].filter(Boolean).join(" ");
    if (ch.undecidable) return `${ch.verdict.toUpperCase()}: ${ch.message} \u2014 ${ch.undecidable}`;
    return `${ch.verdict.toUpperCase()}: ${ch.message}${ch.verdict === "inconclusive" && more ? ` \u2014 would likely be decided at ${more}` : ""}`;
  });
  if (checks.length === 0) reasons.push("INCONCLUSIVE: the policy has no rules that apply");
  return { verdict, blocking, conclusion, checks, reasons, policy, policy_source: source };
}

// src/app/eval/case-files.ts
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { extname } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
function isPlainJsonl(path) {
  const lower = path.toLowerCase();
  return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json");
}
function caseFileReader(path, shown) {
  const lower = path.toLowerCase();
  if (lower.endsWith(".parquet")) return () => parquetCases(path, shown);
  if (lower.endsWith(".gz")) return () => jsonlCases(path, shown, true);
  if (isPlainJsonl(path)) return () => jsonlCases(path, shown, false);
  throw new ConfigError(`${shown}: unsupported cases file type "${extname(path)}"`, { hint: "use .jsonl, .jsonl.gz or .parquet" });
}
async function* jsonlCases(path, shown, gzip) {
  const file = createReadStream(path, { highWaterMark: 1 << 16 });
  const source = gzip ? file.pipe(createGunzip()) : file;
  if (gzip) file.on("error", (err) => source.destroy(err));
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let lineNo = 0;
  try {
    for await (const chunk of source) {
      const parts = (rest + decoder.write(chunk)).split("\n");
      rest = parts.pop();
      for (const line of parts) {
        const c2 = parseCaseLine(line, shown, ++lineNo);
        if (c2) yield c2;
      }
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new ConfigError(gzip ? `${shown}: not valid gzip: ${why}` : `${shown}: could not be read: ${why}`);
  } finally {
    source.destroy();
    file.destroy();
  }
  rest += decoder.end();
  const c = parseCaseLine(rest, shown, ++lineNo);
  if (c) yield c;
}
async function* parquetCases(path, shown) {
  const { parquetMetadataAsync, parquetReadObjects } = await import("./node-FKVVARKN.js");
  const fh = await open(path, "r");
  try {
    const size = (await fh.stat()).size;
    const file = {
      byteLength: size,
      async slice(start, end) {
        const stop = Math.min(end ?? size, size);
        const buf = Buffer.alloc(Math.max(0, stop - start));
        await fh.read(buf, 0, buf.length, start);
        return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
      }
    };
    const fail = (err) => {
      throw new ConfigError(`${shown}: not a readable Parquet file: ${err instanceof Error ? err.message : String(err)}`);
    };
    const metadata = await parquetMetadataAsync(file).catch(fail);
    let row = 0;
    for (const group of metadata.row_groups) {
      const n = Number(group.num_rows);
      const rows = await parquetReadObjects({ file, metadata, rowStart: row, rowEnd: row + n }).catch(fail);
      for (let i = 0; i < rows.length; i++) yield parquetCase(rows[i], `${shown} row ${row + i}`);
      row += n;
    }
  } finally {
    await fh.close();
  }
}
function parquetCase(row, where2) {
  const o = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== void 0) o[k] = typeof v === "bigint" ? Number(v) : v;
  if (typeof o.vars === "string") o.vars = safeJson(o.vars, where2);
  if (typeof o.expected === "string" && /^[[{]/.test(o.expected)) o.expected = safeJson(o.expected, where2, o.expected);
  return toCase(o, where2);
}
function safeJson(s, where2, fallback) {
  try {
    return JSON.parse(s);
  } catch {
    if (fallback !== void 0) return fallback;
    throw new ConfigError(`${where2}: "vars" is a string that is not JSON`);
  }
}

// src/core/eval/suite-schema.ts
var MAX_TIMEOUT_S = 86400;
var caseSchema = external_exports.strictObject({
  id: external_exports.union([external_exports.string().min(1), external_exports.number()]).optional(),
  input: external_exports.string().optional(),
  vars: external_exports.record(external_exports.string(), external_exports.unknown()).optional(),
  expected: external_exports.unknown().optional(),
  tags: external_exports.array(external_exports.string()).optional()
});
var casesSchema = external_exports.union([
  external_exports.array(caseSchema).min(1),
  external_exports.strictObject({
    /** A JSONL (.jsonl, .jsonl.gz) or Parquet file of {id, input|vars, expected}, relative to the suite file. */
    file: external_exports.string().min(1),
    /** Use only the first N cases (for quick runs). */
    limit: external_exports.number().int().positive().max(1e8).optional()
  })
]);
var messageSchema = external_exports.strictObject({
  role: external_exports.enum(["system", "user", "assistant"]),
  content: external_exports.string()
});
var promptSchema = external_exports.union([
  external_exports.string(),
  external_exports.strictObject({
    /** An inline Jinja template rendered to one string (sent as the user message, or as the completion prompt). */
    template: external_exports.string().optional(),
    /** Chat messages, each content a Jinja template. */
    messages: external_exports.array(messageSchema).min(1).optional(),
    /** A file under prompts/ (relative to the suite file): .jinja/.txt for a template, .yaml for messages. */
    file: external_exports.string().optional()
  })
]);
var priceSchema = external_exports.strictObject({
  /** Price per 1,000 prompt tokens. */
  prompt_per_1k: external_exports.number().nonnegative().max(1e3),
  /** Price per 1,000 completion tokens. */
  completion_per_1k: external_exports.number().nonnegative().max(1e3),
  currency: external_exports.string().regex(/^[A-Z]{3}$/, "a three-letter currency code such as USD").default("USD")
});
var REQUEST_FIELDS = ["model", "messages", "prompt", "stream", "stream_options"];
var paramsSchema = external_exports.strictObject({
  temperature: external_exports.number().min(0).max(2).optional(),
  top_p: external_exports.number().min(0).max(1).optional(),
  top_k: external_exports.number().int().min(0).max(1e6).optional(),
  max_tokens: external_exports.number().int().positive().max(1e7).optional(),
  stop: external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]).optional(),
  seed: external_exports.number().int().min(-(2 ** 63)).max(2 ** 64).optional(),
  presence_penalty: external_exports.number().min(-2).max(2).optional(),
  frequency_penalty: external_exports.number().min(-2).max(2).optional(),
  repetition_penalty: external_exports.number().positive().max(10).optional(),
  min_p: external_exports.number().min(0).max(1).optional(),
  /**
   * Anything else the server accepts, passed through as-is (and part of the cache key) — except the
   * fields that say which model answers what: a gate takes a pull request's sampling parameters under
   * the base's yardstick, so they must not swap the model or the request.
   */
  extra: external_exports.record(external_exports.string(), external_exports.unknown()).superRefine((extra, ctx) => {
    for (const k of Object.keys(extra)) {
      if (REQUEST_FIELDS.includes(k)) ctx.addIssue({ code: "custom", path: [k], message: `"${k}" is not a sampling parameter: the request's ${k} is llmops's to set${k === "model" ? " (name the model in target.model)" : ""}` });
    }
  }).optional()
}).default({});
var targetSchema = external_exports.strictObject({
  /** openai-compatible: a running server at base_url. llama-cpp: llmops starts `llmops serve` on the GGUF itself. */
  provider: external_exports.enum(["openai-compatible", "llama-cpp"]).default("openai-compatible"),
  /** Base URL including /v1, e.g. http://127.0.0.1:8000/v1 for vLLM. */
  base_url: external_exports.string().url().optional(),
  /** provider llama-cpp: the .gguf to serve, relative to the suite file (`model_path:` is the same). */
  gguf: external_exports.string().min(1).optional(),
  model_path: external_exports.string().min(1).optional(),
  /** provider llama-cpp: how `llmops serve` runs it. */
  serve: external_exports.strictObject({
    adapter: external_exports.string().min(1).optional(),
    threads: external_exports.number().int().min(1).max(256).optional(),
    parallel: external_exports.number().int().min(1).max(256).optional(),
    ctx: external_exports.number().int().min(16).optional(),
    kv_cache: external_exports.enum(["f16", "f32"]).optional(),
    startup_timeout_s: external_exports.number().positive().max(MAX_TIMEOUT_S).default(120)
  }).optional(),
  model: external_exports.string().min(1).max(500),
  /** chat → /chat/completions; completions → /completions. */
  api: external_exports.enum(["chat", "completions"]).default("chat"),
  /** Stream responses to measure time to first token. */
  stream: external_exports.boolean().default(true),
  /** Name of the environment variable holding the API key (never the key itself). */
  api_key_env: apiKeyEnvSchema.optional(),
  params: paramsSchema,
  prices: priceSchema.optional(),
  /** The model's context window in tokens, for `prompts lint`'s budget (llama-cpp: serve.ctx when unset). */
  context: external_exports.number().int().positive().max(1e8).optional(),
  /** How `prompts lint` counts tokens: o200k_base, cl100k_base, an OpenAI model name, or a tokenizer.json path (relative to the suite). */
  tokenizer: external_exports.string().min(1).max(1e3).optional()
}).superRefine((t, ctx) => {
  if (t.provider === "openai-compatible") {
    if (t.base_url === void 0) ctx.addIssue({ code: "custom", path: ["base_url"], message: "base_url is required for provider openai-compatible (e.g. http://127.0.0.1:8000/v1)" });
    for (const key of ["gguf", "model_path", "serve"]) {
      if (t[key] !== void 0) ctx.addIssue({ code: "custom", path: [key], message: `${key} applies to provider: llama-cpp only` });
    }
  } else {
    if (t.gguf === void 0 === (t.model_path === void 0)) ctx.addIssue({ code: "custom", path: ["gguf"], message: "provider llama-cpp needs the model file as gguf: (or model_path:), exactly one of them" });
    if (t.base_url !== void 0) ctx.addIssue({ code: "custom", path: ["base_url"], message: "provider llama-cpp starts its own server; drop base_url (or use provider: openai-compatible)" });
  }
});
var TIMEOUT_DEFAULTS = { connect_s: 10, headers_s: 60, first_token_s: 60, idle_s: 30, request_s: 600, adaptive: true };
var timeoutsSchema = external_exports.strictObject({
  /** Establishing the connection. */
  connect_s: external_exports.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.connect_s),
  /** Most time from connection to response headers (adaptive below it). */
  headers_s: external_exports.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.headers_s),
  /** Most time from headers to the first streamed token (adaptive below it). */
  first_token_s: external_exports.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.first_token_s),
  /** Most time between two pieces of the body (adaptive below it). */
  idle_s: external_exports.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.idle_s),
  /** The whole request, start to end (never adaptive). */
  request_s: external_exports.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.request_s),
  /** Learn headers/first-token/idle deadlines from the run; false pins them to the values above. */
  adaptive: external_exports.boolean().default(TIMEOUT_DEFAULTS.adaptive)
}).default(TIMEOUT_DEFAULTS);
var retriesSchema = external_exports.strictObject({
  max_attempts: external_exports.number().int().min(1).max(20).default(6),
  base_delay_ms: external_exports.number().int().min(0).max(6e5).default(250),
  max_delay_ms: external_exports.number().int().min(0).max(36e5).default(2e4)
}).default({ max_attempts: 6, base_delay_ms: 250, max_delay_ms: 2e4 });
var variantSchema = external_exports.strictObject({
  name: external_exports.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' and '-' only"),
  description: external_exports.string().max(1e4).optional(),
  /** Replaces the suite's prompt. */
  prompt: promptSchema.optional(),
  /** Replace target.model / target.base_url. */
  model: external_exports.string().min(1).optional(),
  base_url: external_exports.string().url().optional(),
  /** Merged over target.params (`extra` merged key by key). */
  params: paramsSchema
});
var suiteSchema = external_exports.strictObject({
  // The name becomes a directory (.llmops/eval/<name>): a file-name-safe, bounded string.
  name: safeNameSchema,
  description: external_exports.string().max(1e4).optional(),
  cases: casesSchema,
  prompt: promptSchema,
  target: targetSchema,
  scorers: external_exports.array(scorerConfigSchema).min(1),
  repeats: external_exports.number().int().min(1).max(100).default(1),
  seed: external_exports.number().int().min(0).max(4294967295).default(0),
  concurrency: external_exports.number().int().min(1).max(1024).default(8),
  timeouts: timeoutsSchema,
  retries: retriesSchema,
  /** Hedged requests: "auto" = on for a loopback server, off elsewhere (a paid API bills both copies). */
  hedge: external_exports.union([external_exports.literal("auto"), external_exports.boolean()]).default("auto"),
  /** Gate policy for `llmops compare --policy <suite>` / `llmops gate` (docs/compare-and-gate.md). */
  gate: gatePolicySchema.optional(),
  /** Prompt and/or target variants for a k-arm experiment (docs/evaluation.md#variants). */
  variants: external_exports.array(variantSchema).optional()
});

// src/app/eval/judge-inputs.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// src/core/contracts/judge-labels.ts
var JUDGE_LABELS_TAG = "llmops.judge-labels/v1";
var fields = {
  case_id: external_exports.union([external_exports.string().min(1), external_exports.number()]).transform(String).describe("The case's id in the suite"),
  label: external_exports.union([external_exports.number().int(), external_exports.string().min(1)]).describe('The human verdict: 1..N for a 1\u2013N rubric, "pass"/"fail" for pass/fail, "output"/"reference"/"tie" for pairwise'),
  rater: external_exports.string().max(200).optional().describe("Who labelled it (for the record)"),
  note: external_exports.string().max(1e4).optional()
};
var JudgeLabelSchema = external_exports.strictObject({ schema: external_exports.literal(JUDGE_LABELS_TAG), ...fields });
var judgeLabelsFormat = defineFormat({
  kind: "judge-labels",
  version: 1,
  schema: JudgeLabelSchema,
  title: "one human label of a judge calibration file",
  file: "a judge scorer's calibration.labels (JSONL)",
  writer: "people (by hand or a labelling tool)",
  readers: "llmops eval (app/eval/judge-calibration.ts)",
  hint: 'each line is {"case_id": "<a case id of the suite>", "label": <1..N | "pass" | "fail" | "output" | "reference" | "tie">}',
  lines: true,
  untagged: { version: 1, schema: external_exports.strictObject(fields), upgrade: (l) => ({ schema: JUDGE_LABELS_TAG, ...l }) }
});

// src/app/eval/judge-inputs.ts
var BUILTIN = { judge_rubric: "rubric.jinja", judge_pairwise: "pairwise.jinja" };
function builtinJudgeDir() {
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    const candidate = join(d, "templates", "judges");
    if (existsSync(join(d, "package.json")) && existsSync(candidate)) return candidate;
    if (dirname(d) === d) throw new ConfigError("the built-in judge templates (templates/judges/) are missing from this llmops installation", { hint: "reinstall llmops, or give each judge scorer its own prompt: {file: \u2026}" });
  }
}
function loadJudgeInputs(suite, doc, file, displayFile, cwd, contain) {
  const labels = /* @__PURE__ */ new Map();
  const base = dirname(file);
  suite.scorers.forEach((sc, i) => {
    const c = sc;
    if (!(c.type in BUILTIN)) return;
    if (c.prompt !== void 0) {
      const { prompt, origins } = loadPrompt(c.prompt, base, displayFile, doc, cwd, contain, ["scorers", i, "prompt"]);
      const source = typeof c.prompt === "object" && c.prompt.file !== void 0 ? relative(cwd, resolve(base, c.prompt.file)) || c.prompt.file : "inline";
      c.loaded_prompt = { spec: prompt, source, origins };
    } else {
      const builtin = loadPromptFile(join(builtinJudgeDir(), BUILTIN[c.type]), cwd);
      c.loaded_prompt = { spec: builtin.spec, source: `builtin:${BUILTIN[c.type]}`, origins: builtin.origins };
    }
    if (c.calibration) {
      const pos = doc.locate(["scorers", i, "calibration", "labels"]);
      const where2 = `${displayFile}:${pos.line}:${pos.col}: scorers[${i}].calibration.labels`;
      labels.set(c.name ?? c.type, readLabels(resolve(base, c.calibration.labels), relative(cwd, resolve(base, c.calibration.labels)) || c.calibration.labels, where2, c, contain));
    }
  });
  return labels;
}
function labelIndex(c, label) {
  if (c.type === "judge_pairwise") {
    const s = String(label).toLowerCase();
    const alias = { candidate: "output", baseline: "reference", expected: "reference" };
    const i = PAIRWISE_CATEGORIES.indexOf(alias[s] ?? s);
    return i >= 0 ? i : `label ${JSON.stringify(label)} is not one of output, reference, tie`;
  }
  if (c.scale === "pass_fail") {
    const s = String(label).toLowerCase();
    if (s === "pass" || s === "1" || s === "true") return 1;
    if (s === "fail" || s === "0" || s === "false") return 0;
    return `label ${JSON.stringify(label)} is neither "pass" nor "fail"`;
  }
  const n = typeof label === "number" ? label : Number(label);
  const scale = c.scale ?? 5;
  return Number.isInteger(n) && n >= 1 && n <= scale ? n - 1 : `label ${JSON.stringify(label)} is not an integer from 1 to ${scale}`;
}
function readLabels(path, shown, where2, c, contain) {
  if (!existsSync(path) || statSync(path).isDirectory()) throw new ConfigError(`${where2}: labels file not found: ${shown}`, { hint: 'paths are relative to the suite file; the file holds one {"case_id": \u2026, "label": \u2026} per line' });
  contain(path, where2);
  const bytes = readFileSync(path);
  const labels = /* @__PURE__ */ new Map();
  const lines = bytes.toString("utf8").split("\n");
  lines.forEach((line, n) => {
    if (line.trim() === "") return;
    const at = `${shown}:${n + 1}`;
    let l;
    try {
      l = judgeLabelsFormat.parse(line, at);
    } catch (err) {
      if (err instanceof DataInvalidError) throw new ConfigError(err.message, err.hint ? { hint: err.hint } : {});
      throw err;
    }
    const idx = labelIndex(c, l.label);
    if (typeof idx === "string") throw new ConfigError(`${at}: ${idx}`, { hint: c.type === "judge_pairwise" ? "pairwise labels say which answer a person preferred: output, reference or tie" : c.scale === "pass_fail" ? 'use "pass" or "fail"' : `use the rubric's scale, 1 to ${c.scale ?? 5}` });
    if (labels.has(l.case_id)) throw new ConfigError(`${at}: case "${l.case_id}" is labelled twice`, { hint: "keep one label per case (the agreement statistic compares one human verdict with the judge's)" });
    labels.set(l.case_id, idx);
  });
  if (labels.size === 0) throw new ConfigError(`${where2}: ${shown} holds no labels`, { hint: 'add one {"case_id": \u2026, "label": \u2026} per line' });
  return { file: shown, sha256: sha256(bytes), labels, minKappa: c.calibration.min_kappa };
}

// src/app/eval/load-suite.ts
async function loadSuite(path, cwd, variant, within) {
  const file = resolve2(cwd, path);
  const displayFile = relative2(cwd, file) || file;
  if (!existsSync2(file)) throw new InputError(`suite file not found: ${displayFile}`, { hint: "pass the path of an evals/<name>.yaml file" });
  if (statSync2(file).isDirectory()) throw new InputError(`${displayFile} is a directory, not a suite file`, { hint: "pass the path of an evals/<name>.yaml file" });
  const contain = (p, what) => {
    if (within !== void 0) assertInside(p, within, what);
  };
  contain(file, displayFile);
  const text = readFileSync2(file, "utf8");
  const doc = parseYamlSource(text, displayFile);
  const suite = validateConfig(suiteSchema, doc, "eval suite");
  const base = dirname2(file);
  const promptPath = applyVariant(suite, variant, doc, displayFile);
  let scanned;
  let datasetHash;
  if (Array.isArray(suite.cases)) {
    const inline = suite.cases.map((c, i) => {
      const pos = doc.locate(["cases", i]);
      return toCase(c, `${displayFile}:${pos.line}:${pos.col}`);
    });
    datasetHash = sha256(stableStringify(suite.cases));
    scanned = await caseSetOf(inline);
  } else {
    const pos = doc.locate(["cases", "file"]);
    const dataPath = resolve2(base, suite.cases.file);
    const shown = relative2(cwd, dataPath) || dataPath;
    if (!existsSync2(dataPath)) {
      throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: cases.file: dataset not found: ${shown}`, { hint: "paths are relative to the suite file" });
    }
    if (statSync2(dataPath).isDirectory()) throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: cases.file: ${shown} is a directory, not a JSONL or Parquet file`);
    contain(dataPath, `${displayFile}:${pos.line}:${pos.col}: cases.file`);
    const read = caseFileReader(dataPath, shown);
    const limit = suite.cases.limit;
    const { hash, lines } = await sha256AndLines(dataPath, isPlainJsonl(dataPath));
    datasetHash = hash;
    const expected = lines === void 0 ? void 0 : limit === void 0 ? lines : Math.min(lines, limit);
    const source = expected === void 0 || expected > GC_EVERY_CASES ? () => collectingEvery(read(), GC_EVERY_CASES) : read;
    scanned = await scanCases(() => take(source(), limit), expected !== void 0 && expected > 1024 ? expected : void 0);
    scanned = { ...scanned, set: { ...scanned.set, stream: () => take(read(), limit) } };
    if (scanned.set.ids.bytes >= 4 << 20) collectGarbage();
    if (scanned.set.count === 0) throw new ConfigError(`${shown}: no cases in the file`, { hint: 'add at least one JSON line {"id": \u2026, "input": \u2026, "expected": \u2026}' });
  }
  const cases = scanned.set;
  suite.scorers.forEach((sc, i) => {
    const c = sc;
    if (c.type !== "json_schema" || c.schema_file === void 0) return;
    const pos = doc.locate(["scorers", i, "schema_file"]);
    const where2 = `${displayFile}:${pos.line}:${pos.col}: scorers[${i}].schema_file`;
    const path2 = resolve2(base, c.schema_file);
    if (!existsSync2(path2)) throw new ConfigError(`${where2}: not found: ${c.schema_file}`, { hint: "paths are relative to the suite file" });
    contain(path2, where2);
    const text2 = readFileSync2(path2, "utf8");
    let schema5;
    try {
      schema5 = /\.ya?ml$/i.test(path2) ? parseYamlSource(text2, c.schema_file).value : JSON.parse(text2);
    } catch (err) {
      throw new ConfigError(`${where2}: ${c.schema_file} is not valid ${/\.ya?ml$/i.test(path2) ? "YAML" : "JSON"}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (schema5 === null || typeof schema5 !== "object" || Array.isArray(schema5)) throw new ConfigError(`${where2}: ${c.schema_file} must hold a JSON Schema object`);
    c.schema = schema5;
  });
  const judgeLabels = loadJudgeInputs(suite, doc, file, displayFile, cwd, contain);
  const warnings = [...scanned.warnings, ...suite.gate ? checkSuiteGate(suite, cases.count, doc, displayFile) : []];
  const { prompt, origins: promptOrigins, file: promptFile } = loadPrompt(suite.prompt, base, displayFile, doc, cwd, contain, promptPath);
  return {
    file,
    displayFile,
    suite,
    cases,
    prompt,
    promptOrigins,
    promptFile: promptFile ?? null,
    hashes: { suite: sha256(text), dataset: datasetHash, prompt: sha256(stableStringify(prompt)) },
    variant: variant ?? null,
    warnings,
    judgeLabels
  };
}
function checkSuiteGate(suite, cases, doc, displayFile) {
  const gate = suite.gate;
  const types = new Map(createScorers(suite.scorers).map((s) => [s.name, s.type]));
  for (const name of Object.keys(gate.metrics)) {
    if (types.has(name)) continue;
    const pos = doc.locate(["gate", "metrics", name], "key");
    throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: gate.metrics.${name}: no scorer of this suite is named "${name}"${didYouMean(name, [...types.keys()])}`, {
      hint: `gate on one of the suite's metrics: ${[...types.keys()].join(", ")}`
    });
  }
  return planMargins(gate, types, cases, suite.repeats).filter((p) => !p.decidable).map((p) => {
    const pos = doc.locate(["gate", "metrics", p.metric, "max_regression"]);
    return `${displayFile}:${pos.line}:${pos.col}: gate.metrics.${p.message}; until then the gate is INCONCLUSIVE on every change short of none ("llmops gate --plan ${displayFile}" sizes it)`;
  });
}
function applyVariant(suite, name, doc, displayFile) {
  const variants = suite.variants ?? [];
  variants.forEach((v2, i2) => {
    const first = variants.findIndex((w) => w.name === v2.name);
    if (first !== i2) {
      const pos = doc.locate(["variants", i2, "name"]);
      throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: variants[${i2}].name: "${v2.name}" is already the name of variants[${first}]`, { hint: "give each variant its own name" });
    }
  });
  if (name === void 0) return ["prompt"];
  const i = variants.findIndex((v2) => v2.name === name);
  if (i < 0) {
    const known = variants.map((v2) => v2.name);
    throw new ConfigError(`${displayFile}: no variant named "${name}"${didYouMean(name, known)}`, { hint: known.length ? `the suite's variants: ${known.join(", ")}` : "declare variants: [{name, prompt, model, params}] in the suite" });
  }
  const v = variants[i];
  if (v.prompt !== void 0) suite.prompt = v.prompt;
  suite.target = {
    ...suite.target,
    model: v.model ?? suite.target.model,
    base_url: v.base_url ?? suite.target.base_url,
    params: { ...suite.target.params, ...v.params, extra: { ...suite.target.params.extra, ...v.params.extra } }
  };
  return v.prompt !== void 0 ? ["variants", i, "prompt"] : ["prompt"];
}
function loadPrompt(p, base, displayFile, doc, cwd, contain, at0 = ["prompt"]) {
  const pos = doc.locate(at0);
  const where2 = `${displayFile}:${pos.line}:${pos.col}`;
  const at = (path2) => ({ file: displayFile, ...doc.locate(path2) });
  if (typeof p === "string") return { prompt: { kind: "template", template: p }, origins: [at(at0)] };
  const given = [p.template, p.messages, p.file].filter((x) => x !== void 0).length;
  if (given !== 1) throw new ConfigError(`${where2}: prompt: give exactly one of "template", "messages" or "file"`);
  if (p.template !== void 0) return { prompt: { kind: "template", template: p.template }, origins: [at([...at0, "template"])] };
  if (p.messages !== void 0) return { prompt: { kind: "messages", messages: p.messages }, origins: p.messages.map((_, i) => at([...at0, "messages", i, "content"])) };
  const path = resolve2(base, p.file);
  if (!existsSync2(path)) throw new ConfigError(`${where2}: prompt.file: not found: ${p.file}`, { hint: "paths are relative to the suite file, e.g. ../prompts/qa.jinja" });
  contain(path, `${where2}: prompt.file`);
  const loaded = loadPromptFile(path, cwd, contain);
  return { prompt: loaded.spec, origins: loaded.origins, file: loaded };
}
function assertInside(path, root, what) {
  const real = realpathSync(path);
  const top = realpathSync(root);
  if (real !== top && !real.startsWith(top + sep)) {
    throw new ConfigError(`${what}: ${relative2(root, path) || path} resolves outside ${root} (to ${real}); a pull request's suite may only read its own files`, {
      hint: "name files inside the repository with relative paths, and commit files rather than symbolic links to them"
    });
  }
}
var GC_EVERY_CASES = 1 << 16;
async function* collectingEvery(items, n) {
  let i = 0;
  for await (const item of items) {
    yield item;
    if (++i % n === 0) collectGarbage();
  }
}

export {
  DigestIndex,
  take,
  collectCases,
  templateVariables,
  lineColAt,
  findVariable,
  locateSyntaxError,
  compilePrompt,
  backoffDelay,
  parseRetryAfter,
  prepareRemoteScores,
  scorerDefinitions,
  createScorers,
  defaultPolicy,
  defaultGatePolicy,
  parseGatePolicy,
  planMargins,
  evaluateGate,
  loadSuite,
  assertInside
};
