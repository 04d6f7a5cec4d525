using FluentValidation;
using LtcInsurance.Domain.Assessment;

namespace LtcInsurance.Application.Assessment.RegisterAssessor;

internal sealed class RegisterAssessorCommandValidator : AbstractValidator<RegisterAssessorCommand>
{
    public RegisterAssessorCommandValidator()
    {
        RuleFor(c => c.AgencyId).NotEmpty().WithMessage("请指定评估机构");
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写评估人员姓名").MaximumLength(100).WithMessage("姓名不能超过 100 个字符");
        RuleFor(c => c.Qualification).Must(q => AssessorQualifications.All.Contains(q))
            .WithMessage(c => $"资格「{c.Qualification}」未知（可用：{string.Join("、", AssessorQualifications.All)}）");
        RuleFor(c => c.CertificateNumber).NotEmpty().WithMessage("请填写资格证书编号").MaximumLength(64).WithMessage("证书编号不能超过 64 个字符");
        RuleFor(c => c.UserName).MaximumLength(256).WithMessage("用户名不能超过 256 个字符");
    }
}
