using FluentValidation;

namespace LtcInsurance.Application.Providers.AddCareWorker;

internal sealed class AddCareWorkerCommandValidator : AbstractValidator<AddCareWorkerCommand>
{
    public AddCareWorkerCommandValidator()
    {
        RuleFor(c => c.InstitutionId).NotEmpty().WithMessage("请指定服务机构");
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写姓名").MaximumLength(50).WithMessage("姓名不能超过 50 个字");
        RuleFor(c => c.IdNumber).NotEmpty().WithMessage("请填写身份证号码").ValidIdNumber();
        RuleFor(c => c.Qualifications).NotEmpty().WithMessage("请至少选择一项资格").KnownQualifications();
    }
}
