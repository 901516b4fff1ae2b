import { AppError } from '../../api/errors'
import { failureFromApi, type FailureReason } from '../../domain'

/** A failed commerce request as an AppError: anything else thrown (a bug) counts as a bad answer, never as the network. */
export function asAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('bad-response', String(error))
}

/** What a failed POST /v1/purchases (or PIN check) means for the dialog, knowing whether any answer came. */
export function purchaseFailure(error: unknown): FailureReason {
  return failureFromApi(asAppError(error))
}
