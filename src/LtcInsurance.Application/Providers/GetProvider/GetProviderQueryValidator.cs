using FluentValidation;

namespace LtcInsurance.Application.Providers.GetProvider;

internal sealed class GetProviderQueryValidator : AbstractValidator<GetProviderQuery>
{
    public GetProviderQueryValidator() => RuleFor(q => q.Id).NotEmpty().WithMessage("请指定服务机构");
}
