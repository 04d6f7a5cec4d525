using FluentValidation;
using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Application.Tenants.AddTenant;

/// <summary>The id's form: what a tenant id may look like (the registry and row-level security accept nothing else).</summary>
internal sealed class AddTenantValidator : AbstractValidator<AddTenantCommand>
{
    public AddTenantValidator()
    {
        RuleFor(c => c.Trimmed)
            .NotEmpty().WithMessage("请填写要开通的城市代码（如 yulin）。")
            .Must(CityRegistry.IsWellFormedId).When(c => c.Trimmed.Length > 0)
            .WithMessage(c => $"城市代码「{c.Trimmed}」无效：应以小写字母开头，只含小写字母、数字和下划线，至多 32 个字符。")
            .OverridePropertyName(nameof(AddTenantCommand.TenantId));
    }
}
