using FluentValidation;

namespace LtcInsurance.Application.People.ChangeRegion;

/// <summary>The shape only; whether the region is in the city's area is the register's rule (RegionMustBeInArea).</summary>
internal sealed class ChangeRegionCommandValidator : AbstractValidator<ChangeRegionCommand>
{
    public ChangeRegionCommandValidator()
    {
        RuleFor(c => c.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
        RuleFor(c => c.RegionCode).NotEmpty().WithMessage("请选择所在地区")
            .Matches("^[0-9]{6}$").WithMessage("地区代码应为 6 位数字");
    }
}
