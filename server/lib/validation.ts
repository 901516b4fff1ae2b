// Validates requests with TypeBox (the same schemas the contract exports and OpenAPI documents).
// Bodies are checked as sent; params, query and headers are converted from strings first.
import { FormatRegistry, type TSchema } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { Value } from '@sinclair/typebox/value'
import type { FastifySchemaCompiler } from 'fastify'

if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)))
}

export class RequestValidationError extends Error {
  readonly statusCode = 400
  readonly code = 'FST_ERR_VALIDATION'
  constructor(message: string) {
    super(message)
  }
}

export const typeboxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema)
  const part = httpPart ?? 'body'
  return (data: unknown) => {
    let value: unknown = data
    if (part === 'body') {
      if (value === null || value === undefined) value = {}
    } else {
      value = Value.Convert(schema, Value.Clone(data ?? {}))
    }
    if (check.Check(value)) return part === 'headers' ? {} : { value }
    const first = check.Errors(value).First()
    const where = part === 'querystring' ? 'query' : part
    const message = first ? `${where}${first.path || ''}: ${first.message}` : `${where} is not valid`
    return { error: new RequestValidationError(message) }
  }
}
