import type { CreateVideoParams } from '../schema/params'

/** How one create is sent. */
export type BodyEncoding = 'json' | 'multipart'

/** Whether the params hold a file, which only multipart can carry. */
export function hasFile(params: CreateVideoParams): boolean {
  return params.input_reference instanceof Blob
}

/** The body of a create in `encoding`. */
export function createBody(params: CreateVideoParams, encoding: BodyEncoding): string | FormData {
  return encoding === 'json' ? JSON.stringify(params) : multipartBody(params)
}

/**
 * The params as `multipart/form-data`, as the official SDK sends them: strings and numbers as fields, a
 * File/Blob as a file part, and an object (`input_reference: { image_url }`) as bracketed fields
 * (`input_reference[image_url]`). Undefined and null values are left out.
 */
export function multipartBody(params: CreateVideoParams): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(params) as [string, unknown][]) append(form, name, value)
  return form
}

function append(form: FormData, name: string, value: unknown): void {
  if (value === undefined || value === null) return
  if (value instanceof Blob) form.append(name, value)
  else if (typeof value === 'object') {
    for (const [member, inner] of Object.entries(value)) {
      if (inner !== undefined && inner !== null) form.append(`${name}[${member}]`, String(inner))
    }
  } else form.append(name, String(value))
}
