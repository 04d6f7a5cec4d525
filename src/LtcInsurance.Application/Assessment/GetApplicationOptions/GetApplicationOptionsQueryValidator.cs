using FluentValidation;

namespace LtcInsurance.Application.Assessment.GetApplicationOptions;

internal sealed class GetApplicationOptionsQueryValidator : AbstractValidator<GetApplicationOptionsQuery>
{
    public GetApplicationOptionsQueryValidator() =>
        RuleFor(q => q.IdNumber).MaximumLength(32).WithMessage("身份证号码过长");
}
