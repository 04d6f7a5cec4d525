using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Assessment.RecordOnSiteAssessment;

/// <summary>The shape; which scores each item allows is the instrument's rule (refused by the engine, nothing saved).</summary>
internal sealed class RecordOnSiteAssessmentCommandValidator : AbstractValidator<RecordOnSiteAssessmentCommand>
{
    public RecordOnSiteAssessmentCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.ApplicationId).NotEmpty().WithMessage("请指定评估申请");
        RuleFor(c => c.AssessedOn).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("现场评估日期"));
        RuleFor(c => c.StaffIds).NotNull().WithMessage("请选择到场的评估人员");
        RuleFor(c => c.AttendantName).NotEmpty().WithMessage("请填写在场的监护人或代理人姓名").MaximumLength(100).WithMessage("姓名不能超过 100 个字符");
        RuleFor(c => c.AttendantRelation).NotEmpty().WithMessage("请填写监护人或代理人与被评估人的关系").MaximumLength(50).WithMessage("关系不能超过 50 个字符");
        RuleFor(c => c.EvidenceReferences).NotEmpty().WithMessage("请填写现场照片、视频等影像资料的编号或文件名").MaximumLength(2000).WithMessage("影像资料说明不能超过 2000 个字符");
        RuleFor(c => c.Items).NotEmpty().WithMessage("请录入各评估项目的得分");
        RuleFor(c => c.Instrument).MaximumLength(32).WithMessage("量表编码不能超过 32 个字符");
    }
}
