/// The OpenAPI 3 document served at `/openapi.json`; docs/openapi.json is the same text
/// (a test keeps them identical and checks that every route is listed). Edit
/// docs/openapi.json, then run tools/sync-openapi.sh to copy it here.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "Liaison ledger API",
    "version": "1",
    "description": "liaison serve: appends for connectors, reads and audits, balances for finance. Bearer tokens per role (connector, auditor, finance, admin); see docs/api.md and docs/security.md. Every error is {\"error\":CODE,\"message\":SENTENCE}."
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080"
    }
  ],
  "paths": {
    "/v1/events": {
      "post": {
        "summary": "Append events (JSON Lines or a JSON array), as `liaison append`.",
        "operationId": "appendEvents",
        "security": [
          {
            "bearer": []
          }
        ],
        "x-roles": [
          "connector",
          "admin"
        ],
        "requestBody": {
          "required": true,
          "description": "At most 16 MiB and 65,536 events; each line at most 64 KiB. A connector's events must have actor connector:NAME (its token's name).",
          "content": {
            "application/x-ndjson": {
              "schema": {
                "type": "string"
              }
            },
            "application/json": {
              "schema": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Event"
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The summary of SPEC §3 plus the rejected lines. Appended events are durable when this is sent.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AppendSummary"
                }
              }
            }
          },
          "400": {
            "description": "The body is neither JSON Lines nor a JSON array.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "408": {
            "description": "The body did not arrive within 30 seconds.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "More than 16 MiB (`too-large`) or 65,536 events (`too-many-lines`).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/Busy"
          }
        }
      }
    },
    "/v1/cases/{id}": {
      "get": {
        "summary": "A case's state, as `liaison case show --format json`.",
        "operationId": "showCase",
        "security": [
          {
            "bearer": []
          }
        ],
        "x-roles": [
          "auditor",
          "admin"
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "maxLength": 128
            }
          },
          {
            "name": "atSeq",
            "in": "query",
            "required": false,
            "description": "Read the ledger as it was known at this seq (default: the head).",
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The case.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "atSeq beyond the head.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "description": "No such case.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/Busy"
          }
        }
      }
    },
    "/v1/cases/{id}/history": {
      "get": {
        "summary": "A case's audit trail, as `liaison case history --format json`.",
        "operationId": "caseHistory",
        "security": [
          {
            "bearer": []
          }
        ],
        "x-roles": [
          "auditor",
          "admin"
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "maxLength": 128
            }
          },
          {
            "name": "atSeq",
            "in": "query",
            "required": false,
            "description": "Read the ledger as it was known at this seq (default: the head).",
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "{case, knownAt, events: [export lines]}",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "atSeq beyond the head.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "description": "No such case.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/Busy"
          }
        }
      }
    },
    "/v1/claims/{id}": {
      "get": {
        "summary": "A claim with its figures, as `liaison claim show --format json`.",
        "operationId": "showClaim",
        "security": [
          {
            "bearer": []
          }
        ],
        "x-roles": [
          "auditor",
          "finance",
          "admin"
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "maxLength": 128
            }
          },
          {
            "name": "asOf",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date"
            },
            "description": "Business date of the figures (default: today)."
          },
          {
            "name": "atSeq",
            "in": "query",
            "required": false,
            "description": "Read the ledger as it was known at this seq (default: the head).",
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The claim.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "A bad parameter.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "description": "No such claim.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/Busy"
          }
        }
      }
    },
    "/v1/balances": {
      "get": {
        "summary": "Inter-state balances, as `liaison balances`: JSON, or CSV with Accept: text/csv.",
        "operationId": "balances",
        "security": [
          {
            "bearer": []
          }
        ],
        "x-roles": [
          "finance",
          "auditor",
          "admin"
        ],
        "parameters": [
          {
            "name": "year",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1900,
              "maximum": 2200
            },
            "description": "Flows of this business year; stocks default to its 31 December."
          },
          {
            "name": "asOf",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date"
            },
            "description": "Stocks at this business date (default: 31 December of year, else today)."
          },
          {
            "name": "by",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "state",
                "zone",
                "category",
                "basis"
              ],
              "default": "state"
            }
          },
          {
            "name": "currency",
            "in": "query",
            "schema": {
              "type": "string",
              "pattern": "^[A-Z]{3}$"
            },
            "description": "Only this currency."
          },
          {
            "name": "atSeq",
            "in": "query",
            "required": false,
            "description": "Read the ledger as it was known at this seq (default: the head).",
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The report.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                },
                "example": "section,key,zone,currency,claimsIntroduced,...\nrow,DE,EU,EUR,1250.35,..."
              }
            }
          },
          "400": {
            "description": "A bad parameter.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "503": {
            "$ref": "#/components/responses/Busy"
          }
        }
      }
    },
    "/v1/verify": {
      "get": {
        "summary": "Verify the whole ledger, as `liaison verify --format json` (check `ok`).",
        "operationId": "verify",
        "security": [
          {
            "bearer": []
          }
        ],
        "x-roles": [
          "auditor",
          "admin"
        ],
        "parameters": [
          {
            "name": "anchor",
            "in": "query",
            "schema": {
              "type": "array",
              "items": {
                "type": "string",
                "pattern": "^[0-9]+:[0-9a-f]{64}$"
              }
            },
            "style": "form",
            "explode": true,
            "description": "A kept head SEQ:HEX that must still be in the chain (repeatable)."
          }
        ],
        "responses": {
          "200": {
            "description": "{ok, events, head: {seq, hash}, problems: [...]}",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "A malformed anchor.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "503": {
            "$ref": "#/components/responses/Busy"
          }
        }
      }
    },
    "/v1/replay": {
      "get": {
        "summary": "Rebuild every projection from the log alone; their digests, as `liaison replay`.",
        "operationId": "replay",
        "security": [
          {
            "bearer": []
          }
        ],
        "x-roles": [
          "auditor",
          "admin"
        ],
        "parameters": [
          {
            "name": "to",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0
            },
            "description": "Replay up to this seq (default: the head)."
          }
        ],
        "responses": {
          "200": {
            "description": "{seq, digests: {cases, claims, audit}}",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "to beyond the head.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "503": {
            "$ref": "#/components/responses/Busy"
          }
        }
      }
    },
    "/balances": {
      "get": {
        "summary": "The balances page for finance staff (HTML, no script): filters, a chart per partner state, the table with totals.",
        "operationId": "balancesPage",
        "security": [
          {
            "session": []
          },
          {
            "bearer": []
          }
        ],
        "x-roles": [
          "finance",
          "auditor",
          "admin"
        ],
        "parameters": [
          {
            "name": "year",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1900,
              "maximum": 2200
            },
            "description": "Flows of this business year; stocks default to its 31 December."
          },
          {
            "name": "asOf",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date"
            },
            "description": "Stocks at this business date (default: 31 December of year, else today)."
          },
          {
            "name": "by",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "state",
                "zone",
                "category",
                "basis"
              ],
              "default": "state"
            }
          },
          {
            "name": "currency",
            "in": "query",
            "schema": {
              "type": "string",
              "pattern": "^[A-Z]{3}$"
            },
            "description": "Only this currency."
          },
          {
            "name": "chart",
            "in": "query",
            "schema": {
              "type": "string",
              "pattern": "^[A-Z]{3}$"
            },
            "description": "The currency of the chart (default: the currency filter, else the one with the most partners)."
          }
        ],
        "responses": {
          "200": {
            "description": "The page.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "303": {
            "description": "No session: to /login."
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "403": {
            "description": "The role has no pages: JSON `forbidden` for a bearer token (as the API answers), an HTML page for a browser session.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              },
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/Busy"
          }
        }
      }
    },
    "/login": {
      "get": {
        "summary": "The login form.",
        "operationId": "loginForm",
        "responses": {
          "200": {
            "description": "HTML form.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "post": {
        "summary": "Turn a token into a session cookie (HttpOnly, SameSite=Strict, Secure under TLS).",
        "operationId": "login",
        "requestBody": {
          "required": true,
          "content": {
            "application/x-www-form-urlencoded": {
              "schema": {
                "type": "object",
                "properties": {
                  "token": {
                    "type": "string"
                  }
                },
                "required": [
                  "token"
                ]
              }
            }
          }
        },
        "responses": {
          "303": {
            "description": "Logged in: to /balances, with Set-Cookie liaison_session."
          },
          "401": {
            "description": "Unknown token (the form again)."
          },
          "403": {
            "description": "A connector token (no pages); or the form was sent from another site (an `Origin` not this server's, or `Sec-Fetch-Site: cross-site`)."
          }
        }
      }
    },
    "/logout": {
      "post": {
        "summary": "End the session.",
        "operationId": "logout",
        "responses": {
          "303": {
            "description": "To /login; the cookie is cleared."
          },
          "403": {
            "description": "The form was sent from another site (an `Origin` not this server's, or `Sec-Fetch-Site: cross-site`).",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "summary": "Prometheus metrics: events appended, rejections by code, request latency histograms by route, projection lag, writer commits.",
        "operationId": "metrics",
        "responses": {
          "200": {
            "description": "Prometheus text format 0.0.4.",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/health": {
      "get": {
        "summary": "The process answers.",
        "operationId": "health",
        "responses": {
          "200": {
            "description": "{\"status\":\"ok\"}",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    },
    "/ready": {
      "get": {
        "summary": "The store is open and every projection has caught up with the head.",
        "operationId": "ready",
        "responses": {
          "200": {
            "description": "{ready: true, head, lag: {cases, claims, audit}}",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "503": {
            "description": "{ready: false, ...}: projections still catching up.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document.",
        "operationId": "openapi",
        "responses": {
          "200": {
            "description": "OpenAPI 3.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "A token from `liaison token add`; only its SHA-256 is stored."
      },
      "session": {
        "type": "apiKey",
        "in": "cookie",
        "name": "liaison_session",
        "description": "Pages only; never accepted by /v1."
      }
    },
    "responses": {
      "Unauthenticated": {
        "description": "No token, or an unknown one (error `unauthenticated`).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Forbidden": {
        "description": "The token's role may not use this endpoint (error `forbidden`).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Busy": {
        "description": "Error `busy`: the server is at a limit (one verify or replay at a time, 8 posted bodies, 4 balances requests) or the store is locked; or `deadline`: the handler ran past its time limit (120 s; verify and replay 1 h) and its work may still complete. `Retry-After` says when to try again.",
        "headers": {
          "Retry-After": {
            "description": "Seconds to wait before trying again.",
            "schema": {
              "type": "integer"
            }
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error",
          "message"
        ],
        "properties": {
          "error": {
            "type": "string",
            "example": "forbidden"
          },
          "message": {
            "type": "string"
          }
        }
      },
      "Event": {
        "type": "object",
        "required": [
          "id",
          "type",
          "occurred",
          "actor",
          "data"
        ],
        "description": "SPEC §2.",
        "properties": {
          "id": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "occurred": {
            "type": "string",
            "format": "date"
          },
          "actor": {
            "type": "string"
          },
          "case": {
            "type": "string"
          },
          "data": {
            "type": "object"
          },
          "expectedVersion": {
            "type": "integer"
          }
        }
      },
      "AppendSummary": {
        "type": "object",
        "required": [
          "appended",
          "duplicates",
          "rejected",
          "firstSeq",
          "lastSeq",
          "head",
          "rejections"
        ],
        "properties": {
          "appended": {
            "type": "integer"
          },
          "duplicates": {
            "type": "integer"
          },
          "rejected": {
            "type": "integer"
          },
          "firstSeq": {
            "type": "integer",
            "nullable": true
          },
          "lastSeq": {
            "type": "integer",
            "nullable": true
          },
          "head": {
            "type": "string"
          },
          "rejections": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "line": {
                  "type": "integer"
                },
                "id": {
                  "type": "string",
                  "nullable": true
                },
                "error": {
                  "type": "string",
                  "example": "forbidden-actor"
                },
                "message": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    }
  }
}
"""#
}
