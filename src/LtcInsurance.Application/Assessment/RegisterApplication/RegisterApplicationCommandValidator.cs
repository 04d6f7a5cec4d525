using FluentValidation;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Assessment;

namespace LtcInsurance.Application.Assessment.RegisterApplication;

internal sealed class RegisterApplicationCommandValidator : AbstractValidator<RegisterApplicationCommand>
{
    public RegisterApplicationCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定申请评估的参保人员");
        RuleFor(c => c.ApplicantKind).Must(k => ApplicantKinds.All.Contains(k))
            .WithMessage(c => $"申请人类型「{c.ApplicantKind}」未知（可用：{string.Join("、", ApplicantKinds.All)}）");
        RuleFor(c => c.ApplicantName).NotEmpty().WithMessage("请填写申请人姓名").MaximumLength(100).WithMessage("申请人姓名不能超过 100 个字符");
        RuleFor(c => c.AppliedOn).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("申请日期"));
        RuleFor(c => c.DisabledSince).Must(d => d is null || d.Value.Year >= 1900).WithMessage("失能起始日期不可信");
        RuleFor(c => c).Must(c => c.DisabledSince is null || c.DisabledSince <= c.AppliedOn).WithMessage("失能起始日期不能晚于申请日期");
        RuleFor(c => c.Documents).NotNull().WithMessage("请提供材料清单（可为空）");
        RuleForEach(c => c.Documents).Must(ApplicationDocuments.IsKnown)
            .WithMessage((_, d) => $"材料「{d}」未知（可用：{string.Join("、", ApplicationDocuments.All)}）");
        RuleFor(c => c.ApplyingInstitutionId).NotNull().When(c => c.ApplicantKind == ApplicantKinds.Institution)
            .WithMessage("护理机构代为申请时须指定该护理机构");
        RuleFor(c => c.ApplyingInstitutionId).Null().When(c => c.ApplicantKind != ApplicantKinds.Institution)
            .WithMessage("只有护理机构代为申请时才指定申请机构");
    }
}
