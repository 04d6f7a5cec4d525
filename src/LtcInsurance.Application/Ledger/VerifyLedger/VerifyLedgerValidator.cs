using FluentValidation;

namespace LtcInsurance.Application.Ledger.VerifyLedger;

/// <summary>The query has no parameters: the books are the caller's tenant's.</summary>
internal sealed class VerifyLedgerValidator : AbstractValidator<VerifyLedgerQuery>;
