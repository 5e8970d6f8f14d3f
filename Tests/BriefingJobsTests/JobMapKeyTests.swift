import BriefingCore
import Testing

@testable import BriefingJobs

/// The job file's `map:` (an intake map for data that is not a long table).
@Suite struct JobMapKeyTests {
  static let base = "version: 1\ndata: tables/office.xlsx\nlayouts: [l.yaml]\noutput: out\n"

  @Test func mapResolvesAgainstTheJobFile() throws {
    let (job, findings) = JobLoader.load(yaml: Self.base + "map: maps/office.intake.yaml\n", file: "/srv/jobs/monthly.yaml")
    #expect(findings.isEmpty)
    #expect(try #require(job).map == "/srv/jobs/maps/office.intake.yaml")
    #expect(JobLoader.load(yaml: Self.base, file: "/srv/jobs/monthly.yaml").0?.map == nil)
  }

  @Test func misspeltMapIsLocated() throws {
    let (job, findings) = JobLoader.load(yaml: Self.base + "mapp: m.yaml\n", file: "job.yaml")
    #expect(job == nil)
    let finding = try #require(findings.first)
    #expect(finding.location?.description == "job.yaml:5:1")
    #expect(finding.notes.contains("did you mean 'map'?"))
  }
}
