using FluentValidation;

namespace LtcInsurance.Application.Claims.ListReturnCodes;

internal sealed class ListReturnCodesValidator : AbstractValidator<ListReturnCodesQuery>;
