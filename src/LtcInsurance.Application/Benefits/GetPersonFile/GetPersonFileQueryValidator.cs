using FluentValidation;

namespace LtcInsurance.Application.Benefits.GetPersonFile;

internal sealed class GetPersonFileQueryValidator : AbstractValidator<GetPersonFileQuery>
{
    public GetPersonFileQueryValidator() => RuleFor(q => q.Person.Value).NotEmpty().WithMessage("请指定参保人员");
}
