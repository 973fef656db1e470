using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OgpPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ConsultedCommitments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsultedCommitments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ConsultationId = table.Column<int>(type: "int", nullable: false),
                    CommitmentId = table.Column<int>(type: "int", nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Identifier = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Problem = table.Column<string>(type: "nvarchar(max)", maxLength: 50000, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(max)", maxLength: 50000, nullable: true),
                    Solution = table.Column<string>(type: "nvarchar(max)", maxLength: 50000, nullable: true),
                    LeadInstitution = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    SupportingInstitutions = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultedCommitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultedCommitments_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ConsultedCommitments_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultedMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    ConsultedCommitmentId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultedMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultedMilestones_ConsultedCommitments_ConsultedCommitmentId",
                        column: x => x.ConsultedCommitmentId,
                        principalTable: "ConsultedCommitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // What existing consultations put to the public, taken from the drafts as they are now (the best record there is).
            migrationBuilder.Sql("""
                INSERT INTO "ConsultedCommitments" ("ConsultationId", "CommitmentId", "Position", "Identifier", "Title", "Problem", "Description", "Solution", "LeadInstitution", "SupportingInstitutions", "StartDate", "EndDate")
                SELECT l."ConsultationId", c."Id", c."Position", c."Identifier", c."Title", c."Problem", c."Description", c."Solution", c."LeadInstitution", c."SupportingInstitutions", c."StartDate", c."EndDate"
                FROM "ConsultationCommitments" l JOIN "Commitments" c ON c."Id" = l."CommitmentId"
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ConsultedMilestones" ("ConsultedCommitmentId", "Title", "DueDate", "Position")
                SELECT r."Id", m."Title", m."DueDate", ROW_NUMBER() OVER (PARTITION BY r."Id" ORDER BY m."DueDate", m."Title") - 1
                FROM "ConsultedCommitments" r JOIN "Milestones" m ON m."CommitmentId" = r."CommitmentId"
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultedCommitments_CommitmentId",
                table: "ConsultedCommitments",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultedCommitments_ConsultationId_Position",
                table: "ConsultedCommitments",
                columns: new[] { "ConsultationId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultedMilestones_ConsultedCommitmentId",
                table: "ConsultedMilestones",
                column: "ConsultedCommitmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultedMilestones");

            migrationBuilder.DropTable(
                name: "ConsultedCommitments");
        }
    }
}
