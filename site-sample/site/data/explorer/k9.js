window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k9"]=[["d121749ab05e","hmac-sha256","d68c1aff95760a58…",0],["e5369ea1dc17","hmac-sha256","e15bf5450b4041c1…",4]];
