using FluentValidation;

namespace LtcInsurance.Application.Ledger.GetChainHead;

/// <summary>The query has no parameters: the books are the caller's tenant's.</summary>
internal sealed class GetChainHeadValidator : AbstractValidator<GetChainHeadQuery>;
