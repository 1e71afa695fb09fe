package model

import "time"

// Story is a group of articles covering one event, as the stories stage
// stored it.
type Story struct {
	// ID numbers stories 1, 2, ... in the order of their first member
	// (published date, then article ID); a rebuild over the same articles
	// and rules gives the same IDs.
	ID int64 `json:"id"`
	// Label is a representative member title.
	Label string `json:"label"`
	// First and Last bound the story's time as YYYY-MM-DD, "" when no
	// member is dated.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// Size counts member articles, copies included; Sources the
	// independent sources among them (copies of one text and outlets of
	// one media group count once).
	Size    int `json:"size"`
	Sources int `json:"sources"`
	// Entities and Places are the commonest names, most frequent first;
	// Lat and Lon the centroid of the places (both zero when none).
	Entities []NameCount `json:"entities,omitempty"`
	Places   []NameCount `json:"places,omitempty"`
	Lat      float64     `json:"lat,omitempty"`
	Lon      float64     `json:"lon,omitempty"`
	// Updated is when the story was last written.
	Updated time.Time `json:"updated"`
	// Members are filled by store lookups of one story, ordered by
	// published date then article ID.
	Members []StoryMember `json:"members,omitempty"`
}

// NameCount is a name and the number of member articles mentioning it.
type NameCount struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

// StoryScore holds the components of an article's similarity with a
// story: Total = (weighted Text, Entities, Places) · Time.
type StoryScore struct {
	Text     float64 `json:"text"`
	Entities float64 `json:"entities"`
	Places   float64 `json:"places"`
	Time     float64 `json:"time"`
	Total    float64 `json:"total"`
}

// StoryMember is one article of a story with why it is there.
type StoryMember struct {
	Article string `json:"article"`
	Story   int64  `json:"story"`
	// Score is the article's score against the story it joined; for the
	// article that started a story, against the best story it did not
	// reach.
	Score StoryScore `json:"score"`
	// RunnerUp is the next best story (0 when none) and RunnerUpTotal its
	// total score.
	RunnerUp      int64   `json:"runner_up,omitempty"`
	RunnerUpTotal float64 `json:"runner_up_total,omitempty"`
	// New is true when the article started the story; Copy when it joined
	// because a copy of it is a member.
	New  bool `json:"new,omitempty"`
	Copy bool `json:"copy,omitempty"`
	// Rule says which user rule moved the article ("merge", "split"), ""
	// when the clustering put it there.
	Rule string `json:"rule,omitempty"`
	// CopyGroup is the article's copy group, read from the article.
	CopyGroup  string    `json:"copy_group,omitempty"`
	AssignedAt time.Time `json:"assigned_at"`
}
