using FluentValidation;

namespace LtcInsurance.Application.Supervision.GetFlag;

internal sealed class GetFlagValidator : AbstractValidator<GetFlagQuery>
{
    public GetFlagValidator() => RuleFor(q => q.Id).NotEmpty().WithMessage("请指定疑点");
}
