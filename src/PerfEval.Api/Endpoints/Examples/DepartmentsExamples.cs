using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Audit;
using PerfEval.Application.Budgets;
using PerfEval.Application.Changes;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Indicators;
using PerfEval.Application.Projects;
using PerfEval.Application.ReportImports;
using PerfEval.Application.Scoring;
using PerfEval.Application.ScoringSchemes;
using PerfEval.Application.YearViews;

namespace PerfEval.Api.Endpoints.Examples;

/// <summary>The Departments endpoints' examples, drawn from the demo data (the three 2024 seed reports).</summary>
internal static class DepartmentsExamples
{
    public static Page<DepartmentResponse> ListDepartmentsDemo => new Page<DepartmentResponse>(
            Items: [DepartmentsExamples.GetDepartmentGyyq],
            NextCursor: "R1hRLUdZWVE");

    public static CreateDepartment CreateDepartmentSubordinateRequest => new CreateDepartment(
            Code: "GXQ-SWJ-ZS",
            Name: "高新区(新市区)招商服务中心",
            Region: "高新区（新市区）",
            ParentCode: "GXQ-SWJ",
            UnitType: "事业单位",
            Level: "股级",
            Functions: "承担全区商贸流通领域招商引资的项目征集、推荐和服务工作。",
            Staffing: new Staffing(
                Administrative: 0,
                Institutional: 6,
                Logistics: 0,
                Actual: 5),
            Divisions: ["招商服务科"]);

    public static DepartmentResponse CreateDepartmentSubordinate => new DepartmentResponse(
            Code: "GXQ-SWJ-ZS",
            Name: "高新区(新市区)招商服务中心",
            Region: "高新区（新市区）",
            ParentCode: "GXQ-SWJ",
            UnitType: "事业单位",
            Level: "股级",
            Functions: "承担全区商贸流通领域招商引资的项目征集、推荐和服务工作。",
            Staffing: new Staffing(
                Administrative: 0,
                Institutional: 6,
                Logistics: 0,
                Actual: 5),
            Divisions: ["招商服务科"],
            Version: 1,
            UpdatedAt: Demo.Loaded);

    public static DepartmentResponse GetDepartmentGyyq => new DepartmentResponse(
            Code: "GXQ-GYYQ",
            Name: "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室",
            Region: "高新区（新市区）",
            ParentCode: null,
            UnitType: "政府工作部门",
            Level: "副县级",
            Functions: "贯彻落实党中央、自治区党委、乌鲁木齐市委关于工业园区管理工作的方针政策和决策部署以及区委工作要求,在履行职责过程中坚持和加强党对工业园区管理工作的集中统一领导。主要职责是:承担工业园区的规划、开发、招商及相关管理服务工作;完成上级交办的其他工作任务。",
            Staffing: new Staffing(
                Administrative: 0,
                Institutional: 28,
                Logistics: 0,
                Actual: 20),
            Divisions: ["综合科", "企业服务科", "规划建设科", "安全生产监督科", "科技创新科", "投资服务科"],
            Version: 1,
            UpdatedAt: Demo.Loaded);

    public static UpdateDepartment UpdateDepartmentSwjRequest => new UpdateDepartment(
            Name: "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)商务局",
            Region: "高新区（新市区）",
            UnitType: "行政单位",
            Level: "正科级",
            Functions: "贯彻执行国家、自治区和我市有关内外贸易、外资、对外经济合作工作的方针、政策和法律、法规。",
            Staffing: new Staffing(
                Administrative: 10,
                Institutional: 16,
                Logistics: 0,
                Actual: 20),
            Divisions: ["高新区(新市区)招商服务中心", "高新区(新市区)商务服务中心"])
        {
            Code = "",
        };

    public static DepartmentResponse UpdateDepartmentSwj => new DepartmentResponse(
            Code: "GXQ-SWJ",
            Name: "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)商务局",
            Region: "高新区（新市区）",
            ParentCode: null,
            UnitType: "行政单位",
            Level: "正科级",
            Functions: "贯彻执行国家、自治区和我市有关内外贸易、外资、对外经济合作工作的方针、政策和法律、法规。",
            Staffing: new Staffing(
                Administrative: 10,
                Institutional: 16,
                Logistics: 0,
                Actual: 20),
            Divisions: ["高新区(新市区)招商服务中心", "高新区(新市区)商务服务中心"],
            Version: 2,
            UpdatedAt: Demo.Loaded);
}
